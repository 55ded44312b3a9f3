package org.l4emu.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import org.l4emu.emulator.Machine;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.boot.ImageSet;
import org.l4emu.kernel.run.RunLoop;
import org.l4emu.kernel.run.RunState;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;

/**
 * A kernel booted on a machine, as its host drives it: run it to the end or to an instruction
 * count, stop it, ask how it ended. {@link #view()} answers what observers may ask.
 */
public final class Kernel {
    private final Machine machine;
    private final RunLoop loop;
    private final RunState state;
    private final KernelView view;

    Kernel(Machine machine, RunLoop loop, RunState state, KernelView view) {
        this.machine = machine;
        this.loop = loop;
        this.state = state;
        this.view = view;
    }

    /** Builds {@code description} on {@code machine}; every thread starts in description order. */
    public static Kernel boot(Machine machine, SystemDescription description, ImageSet images, BootOptions options,
                              OutputStream console, PrintStream log, KernelEvents events) throws BootException {
        return KernelBuilder.boot(machine, description, images, options, console, log, events);
    }

    /** The kernel's state, read only, as observers see it. */
    public KernelView view() {
        return view;
    }

    public Machine machine() {
        return machine;
    }

    public boolean finished() {
        return state.finished();
    }

    /** The exit code of ABI section 4, once {@link #finished()}. */
    public int exitCode() {
        return state.exitCode();
    }

    /** True once the run has ended because every live thread is blocked with no timeout pending. */
    public boolean deadlocked() {
        return state.deadlocked();
    }

    /** Asks the running loop to return after the current event (for steppers and debuggers). */
    public void requestStop() {
        state.requestStop();
    }

    /** Runs to the end and returns the exit code (ABI section 4). */
    public int run() {
        loop.runUntil(Long.MAX_VALUE);
        return state.exitCode();
    }

    /**
     * Runs until the run ends, until {@code instructionCount} instructions have retired in all,
     * or until an observer calls {@link KernelView#requestStop()}. Because runs are deterministic,
     * running a fresh boot to the same count reproduces the same state: that is how steppers go
     * back. Returns true when the run has ended.
     */
    public boolean runUntil(long instructionCount) {
        return loop.runUntil(instructionCount);
    }

    /**
     * Without the fast path every system call leaves the emulator; the result is the same, byte
     * for byte, only slower (tests compare the two).
     */
    public void disableFastPath() {
        loop.disableFastPath();
    }
}
