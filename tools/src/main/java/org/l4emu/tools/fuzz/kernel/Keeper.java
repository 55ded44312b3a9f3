package org.l4emu.tools.fuzz.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.syscall.ThreadCalls;

/**
 * The keeper (privileged): every 5 ms of virtual time it looks at every thread, kicks one that has
 * not moved (exchange_registers halt and resume: its IPC is cancelled and it runs on), and
 * restarts one that has not moved for two looks (new sp and ip: a thread stuck on a fault
 * nobody answers goes back to fuzzing, dropping what it planned), as guest-programs'
 * fuzz_keeper.c does for the guest fuzzer.
 *
 * <p>Attacks stop threads for good (a fault nobody resolves, a forged handler) and delete them;
 * without help a long run would empty the system within a few thousand calls. So the keeper
 * first puts an anchor into every boot task (a thread that only waits, spared by every attack),
 * then, at each look, deletes every thread a fault stopped (which keeps its task until then,
 * P3) and brings each boot thread that is gone back: a new version under its number, with its
 * UTCB, in its task beside the anchor, restarted.
 */
final class Keeper extends Generator {
    private static final int LOOK_EVERY_US = 5000;

    private final Map<FuzzThread, Long> seen = new HashMap<>();
    private final Map<FuzzThread, Integer> stuckLooks = new HashMap<>();
    private boolean anchored;

    Keeper(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        if (!anchored) {
            anchored = true;
            anchorEveryBootTask(me);
        }
        deleteStopped(me);
        for (FuzzThread thread : world.bootThreads()) {
            if (!thread.thread().isAlive() && thread.role() != FuzzThread.Role.KEEPER) {
                bringBack(me, thread);
            }
        }
        for (FuzzThread thread : world.known()) {
            if (thread == me || !thread.thread().isAlive()) {
                seen.remove(thread);
                stuckLooks.remove(thread);
            } else if (thread.role() == FuzzThread.Role.ANCHOR) {
                resumeIfHalted(me, thread);
            } else {
                kickIfStuck(me, thread);
            }
        }
        // What the look planned comes first; the wait for the next look after it.
        me.plan().addLast(m -> sleep(m, LOOK_EVERY_US));
        return me.plan().pollFirst().make(me);
    }

    /** One anchor per boot task but the keeper's: created in the task of its first thread, started. */
    private void anchorEveryBootTask(FuzzThread me) {
        Set<Task> tasks = new LinkedHashSet<>();
        for (FuzzThread thread : world.bootThreads()) {
            if (thread.role() != FuzzThread.Role.KEEPER) {
                tasks.add(thread.thread().task());
            }
        }
        int number = FuzzWorld.FIRST_ANCHOR_NUMBER;
        for (Task task : tasks) {
            int anchor = ThreadId.of(number++, ThreadId.FIRST_VERSION);
            me.plan().addLast(m -> {
                Thread sibling = liveSibling(task);
                return sibling == null ? syscall(m, SyscallNumber.SYSTEM_CLOCK)
                        : syscall(m, SyscallNumber.THREAD_CONTROL, anchor, sibling.id(), ThreadId.NIL,
                                UserLayout.utcbAddress(FuzzWorld.ANCHOR_UTCB_SLOT));
            });
            me.plan().addLast(m -> restart(m, anchor));
        }
    }

    /** Threads a fault stopped hold their tasks (P3) until deleted: the keeper deletes them. */
    private void deleteStopped(FuzzThread me) {
        List<Integer> stopped = new ArrayList<>();
        for (Thread thread : world.kernel().view().threads().all()) {
            if (thread.state() == ThreadState.STOPPED) {
                stopped.add(thread.id());
            }
        }
        for (int id : stopped) {
            me.plan().addLast(m -> syscall(m, SyscallNumber.THREAD_CONTROL, id, ThreadId.NIL, 0, 0));
        }
    }

    /** The boot thread's new version under its number, in its task beside a live sibling (the anchor), restarted. */
    private void bringBack(FuzzThread me, FuzzThread gone) {
        Thread old = gone.thread();
        int number = ThreadId.number(old.id());
        me.plan().addLast(m -> {
            Thread sibling = liveSibling(old.task());
            if (sibling == null || world.kernel().view().threads().isNumberInUse(number)) {
                return syscall(m, SyscallNumber.SYSTEM_CLOCK);
            }
            int renewed = ThreadId.of(number, ThreadId.version(old.id()) % ThreadId.VERSION_MASK + 1);
            m.plan().addFirst(again -> restart(again, renewed));
            return syscall(m, SyscallNumber.THREAD_CONTROL, renewed, sibling.id(), gone.homePager(), old.utcbAddress());
        });
    }

    private static Thread liveSibling(Task task) {
        for (Thread thread : task.threads()) {
            if (thread.isAlive()) {
                return thread;
            }
        }
        return null;
    }

    private void resumeIfHalted(FuzzThread me, FuzzThread anchor) {
        if (anchor.thread().state() == ThreadState.HALTED) {
            int id = anchor.id();
            me.plan().addLast(m -> syscall(m, SyscallNumber.EXCHANGE_REGISTERS, id, ThreadCalls.CONTROL_RESUME, 0, 0));
        }
    }

    private void kickIfStuck(FuzzThread me, FuzzThread thread) {
        Long before = seen.put(thread, thread.syscalls());
        if (before == null || before != thread.syscalls()) {
            stuckLooks.remove(thread);
            return;
        }
        int looks = stuckLooks.merge(thread, 1, Integer::sum);
        int id = thread.id();
        if (looks >= 2) {
            stuckLooks.remove(thread);
            me.plan().addLast(m -> restart(m, id));
        } else {
            me.plan().addLast(m -> syscall(m, SyscallNumber.EXCHANGE_REGISTERS, id,
                    ThreadCalls.CONTROL_HALT | ThreadCalls.CONTROL_RESUME, 0, 0));
        }
    }

    /** New sp and ip at the restart point, halted and resumed: the thread starts over. */
    private static Step restart(FuzzThread me, int id) {
        return syscall(me, SyscallNumber.EXCHANGE_REGISTERS, id,
                ThreadCalls.CONTROL_SET_SP_IP | ThreadCalls.CONTROL_HALT | ThreadCalls.CONTROL_RESUME,
                UserLayout.MAIN_STACK_TOP, FuzzWorld.RESTART_IP);
    }
}
