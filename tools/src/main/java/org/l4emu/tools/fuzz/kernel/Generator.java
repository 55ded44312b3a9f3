package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.tools.fuzz.FuzzSystem;

/**
 * One generator class of the kernel-level fuzzer: the next step of a thread that chose it. Its
 * system calls carry a little guest work before them, so that virtual time passes as it would
 * on the CPU, and any UTCB words they need are written just before (as the guest would).
 */
abstract class Generator {
    protected final FuzzWorld world;

    Generator(FuzzWorld world) {
        this.world = world;
    }

    abstract Step next(FuzzThread me);

    protected static Step syscall(FuzzThread me, int number, int... arguments) {
        me.receiving(false);
        return new Step.Syscall(number, arguments, FuzzWorld.work(me.random()));
    }

    protected static Step ipc(FuzzThread me, int to, int fromSpec, int timeouts, int sendDescriptor) {
        Step step = syscall(me, SyscallNumber.IPC, to, fromSpec, timeouts, sendDescriptor);
        me.receiving(fromSpec != ThreadId.NIL);
        return step;
    }

    /** An open wait with a short timeout: what a thread does to be a receiver for a while. */
    protected static Step openWait(FuzzThread me) {
        return ipc(me, ThreadId.NIL, ThreadId.ANY, Encodings.timeouts(0, FuzzWorld.shortTimeout(me.random())), 0);
    }

    /**
     * Sleeps {@code micros} of virtual time: a closed wait on itself, with a nil window first.
     * Threads of its task may have left an invalid window there, which fails every receive at
     * once (error 9, S5); a keeper or monitor above the fuzzers' priority would then never
     * block, and the fuzzers would never run again.
     */
    protected Step sleep(FuzzThread me, int micros) {
        window(me, 0);
        return ipc(me, ThreadId.NIL, me.id(), Encodings.timeouts(0, Encodings.micros(micros)), 0);
    }

    protected void window(FuzzThread me, int fpage) {
        world.writeUtcb(me, Utcb.BR0, fpage);
    }

    /** A page of the thread's {@code <memory>} source region as an fpage with {@code rights}. */
    protected static int sourcePage(SplittableRandom random, int rights) {
        return Encodings.fpage(FuzzSystem.SOURCE_ADDRESS + random.nextInt(FuzzSystem.SOURCE_SIZE >> 12) * 4096L, 12,
                rights);
    }

    protected static boolean chance(SplittableRandom random, int percent) {
        return random.nextInt(100) < percent;
    }
}
