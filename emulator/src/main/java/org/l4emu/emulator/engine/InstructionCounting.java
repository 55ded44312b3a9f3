package org.l4emu.emulator.engine;

/**
 * Exact counts of the guest instructions a {@code uc_emu_start(..., count)} run completed, the
 * basis of virtual time. Two ways: {@link CodeHookCounter}, through Unicorn's public code hook,
 * and {@link EngineCounter}, which reads Unicorn's own counter (an {@link Accelerator#COUNTER})
 * and can also give a run more budget from inside a hook. Both give the same counts for every
 * way a run can stop, which the start-up check ({@link CounterCheck}) compares on probe code.
 *
 * <p>A Thumb If-Then block runs as a unit: Unicorn does not stop inside one (its code hooks
 * run with stops deferred to the end of the block). A run whose limit falls inside a block
 * runs the block to its end and counts as completing exactly its limit: the instructions of
 * the block past the limit are not counted. (Unicorn's own counter cannot tell a block that
 * ran one instruction past the limit from one that ended just before it, so this is the one
 * rule both ways can keep; see docs/spec-decisions.md.)
 *
 * <p>Use: {@link #runStarting} before each {@code uc_emu_start}, with the count passed to it;
 * after the run (or inside a hook) one of the {@code completed} calls with where the CPU stands.
 */
public interface InstructionCounting {
    /** A run limited to {@code limit} instructions starts now. */
    void runStarting(long limit);

    /**
     * Inside a hook: the instructions whose count hook ran since the run (or the last
     * {@link #continueFor}) began, the current one included.
     */
    long started();

    /**
     * Instructions completed since the run (or the last {@link #continueFor}) began, the CPU
     * standing at {@code pc} after an exception: {@code pcBegan} when the instruction at
     * {@code pc} began and did not complete (a data abort, an undefined instruction), false when
     * everything before {@code pc} completed and nothing of it began (after a system call, or a
     * prefetch abort).
     */
    long completed(long pc, boolean pcBegan);

    /**
     * As {@link #completed} for a run that paused without an exception: its limit was reached (at
     * {@code pc}, the first instruction not executed), or a hint halted the CPU after completing.
     */
    long completedAtPause(long pc, long limit);

    /** True when {@link #continueFor} works: the run can be given a new budget from inside a hook. */
    boolean canContinueInHook();

    /**
     * Inside a hook: the run goes on for exactly {@code instructions} more (at least 1), then
     * stops before the next; counts start again from here. Only when {@link #canContinueInHook()}.
     */
    void continueFor(long instructions);

    /** Inside a hook: the run stops before its next instruction, whatever else the hook did. */
    void stopBeforeNext();
}
