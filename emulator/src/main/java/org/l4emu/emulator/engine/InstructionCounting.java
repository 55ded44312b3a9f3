package org.l4emu.emulator.engine;

/**
 * Exact counts of the guest instructions a {@code uc_emu_start(..., count)} run completed, the
 * basis of virtual time. Two ways: {@link BlockCounter}, through Unicorn's public block hook, and
 * {@link EngineCounter}, which reads Unicorn's own counter (an {@link Accelerator#COUNTER}) and
 * can also give a run more budget from inside a hook.
 *
 * <p>Use: {@link #runStarting} before each {@code uc_emu_start}, with the count passed to it;
 * after the run (or inside a hook) one of the {@code completed} calls with where the CPU stands.
 */
public interface InstructionCounting {
    /** A run limited to {@code limit} instructions starts now. */
    void runStarting(long limit);

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
