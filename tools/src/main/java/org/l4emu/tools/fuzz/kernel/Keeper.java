package org.l4emu.tools.fuzz.kernel;

import java.util.HashMap;
import java.util.Map;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.syscall.ThreadCalls;

/**
 * The keeper: every 5 ms of virtual time it kicks each live thread whose system call count has
 * not moved (exchange_registers halt and resume: its IPC is cancelled and it runs on), and
 * restarts one that has not moved for two looks (new sp and ip: a thread stuck on a fault
 * nobody answers goes back to fuzzing, dropping what it planned), as guest-programs'
 * fuzz_keeper.c does for the guest fuzzer.
 */
final class Keeper extends Generator {
    private static final int LOOK_EVERY_US = 5000;

    private final Map<FuzzThread, Long> seen = new HashMap<>();
    private final Map<FuzzThread, Integer> stuckLooks = new HashMap<>();

    Keeper(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        for (FuzzThread thread : world.known()) {
            if (!thread.thread().isAlive()) {
                seen.remove(thread);
                stuckLooks.remove(thread);
                continue;
            }
            if (thread == me) {
                continue;
            }
            Long before = seen.put(thread, thread.syscalls());
            if (before == null || before != thread.syscalls()) {
                stuckLooks.remove(thread);
                continue;
            }
            int looks = stuckLooks.merge(thread, 1, Integer::sum);
            int id = thread.id();
            if (looks >= 2) {
                stuckLooks.remove(thread);
                me.plan().addLast(m -> syscall(m, SyscallNumber.EXCHANGE_REGISTERS, id,
                        ThreadCalls.CONTROL_SET_SP_IP | ThreadCalls.CONTROL_HALT | ThreadCalls.CONTROL_RESUME,
                        UserLayout.MAIN_STACK_TOP, FuzzWorld.RESTART_IP));
            } else {
                me.plan().addLast(m -> syscall(m, SyscallNumber.EXCHANGE_REGISTERS, id,
                        ThreadCalls.CONTROL_HALT | ThreadCalls.CONTROL_RESUME, 0, 0));
            }
        }
        return ipc(me, ThreadId.NIL, me.id(), Encodings.timeouts(0, Encodings.micros(LOOK_EVERY_US)), 0);
    }
}
