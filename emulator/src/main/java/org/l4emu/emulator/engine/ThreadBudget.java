package org.l4emu.emulator.engine;

/**
 * The instructions of the thread a CPU runs, counted over the engine's instruction counter
 * since its budget began: at uc_emu_start, or inside a hook where the fast path gave the next
 * thread a budget of its own. The one place a CPU uses the counter.
 */
public final class ThreadBudget {
    private final InstructionCounter counter;
    /** Where the counter stood when the running thread's budget began (0 at uc_emu_start). */
    private long start;

    public ThreadBudget(InstructionCounter counter) {
        this.counter = counter;
    }

    /** A uc_emu_start begins; its count limit is the running thread's budget. */
    public void runStarts() {
        start = 0;
    }

    /** Instructions started (completed ones, and one that trapped) since the running thread's budget began. */
    public long started() {
        return counter.started() - start;
    }

    /** Inside a hook: the CPU goes on for exactly {@code budget} more instructions from here, then stops. */
    public void beginBudget(long budget) {
        start = counter.started();
        counter.allowMore(budget);
    }

    /** Inside a hook: the CPU stops before its next instruction. */
    public void stopBeforeNext() {
        counter.stopBeforeNext();
    }
}
