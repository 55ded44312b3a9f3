package org.l4emu.emulator.engine;

/**
 * {@link InstructionCounting} from Unicorn's own counter ({@link InstructionCounter}): the count
 * hook of a counted run increments it before each instruction and stops once it exceeds the
 * limit, so it holds the instructions started, and the limit can be moved from inside a hook.
 */
public final class EngineCounter implements InstructionCounting {
    private final InstructionCounter counter;
    /** Where the counter stood when the current stretch began (0 at uc_emu_start). */
    private long segmentStart;

    public EngineCounter(InstructionCounter counter) {
        this.counter = counter;
    }

    @Override
    public void runStarting(long limit) {
        segmentStart = 0;
    }

    @Override
    public long started() {
        return counter.started() - segmentStart;
    }

    @Override
    public long completed(long pc, boolean pcBegan) {
        long started = started();
        return pcBegan ? started - 1 : started;
    }

    @Override
    public long completedAtPause(long pc, long limit) {
        return Math.min(started(), limit);
    }

    @Override
    public boolean canContinueInHook() {
        return true;
    }

    @Override
    public void continueFor(long instructions) {
        segmentStart = counter.started();
        counter.allowMore(instructions);
    }

    @Override
    public void stopBeforeNext() {
        counter.stopBeforeNext();
    }
}
