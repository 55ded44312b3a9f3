package org.l4emu.kernel.run;

import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * Where a run stands, shared by the loop and by what may end it: instructions retired, the
 * thread the machine runs, a stop asked for, and the exit code once the run has ended.
 */
public final class RunState {
    private static final int NO_EXIT = Integer.MIN_VALUE;

    private final KernelEvents events;
    private long instructions;
    /** The thread the machine runs now; inside the trap handler it changes without leaving the machine. */
    private Thread running;
    private int exitCode = NO_EXIT;
    private boolean stopRequested;
    private boolean deadlocked;

    public RunState(KernelEvents events) {
        this.events = events;
    }

    /** Instructions retired by every guest thread so far. */
    public long instructions() {
        return instructions;
    }

    void addInstructions(long retired) {
        instructions += retired;
    }

    Thread running() {
        return running;
    }

    void setRunning(Thread thread) {
        running = thread;
    }

    public boolean finished() {
        return exitCode != NO_EXIT;
    }

    /** The exit code of ABI section 4, once {@link #finished()}. */
    public int exitCode() {
        return exitCode;
    }

    /** True once the run has ended in a deadlock (a guest's shutdown may give the same exit code). */
    public boolean deadlocked() {
        return deadlocked;
    }

    /** Ends the run in a deadlock: every live thread is blocked with no timeout pending. */
    void finishInDeadlock() {
        deadlocked = true;
        finish(ExitCode.DEADLOCK);
    }

    /** Ends the run with {@code code}. */
    void finish(int code) {
        exitCode = code;
        events.finished(code);
    }

    /** Asks the running loop to return after the current event (for steppers and debuggers). */
    public void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void clearStopRequest() {
        stopRequested = false;
    }
}
