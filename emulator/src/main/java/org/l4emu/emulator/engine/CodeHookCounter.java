package org.l4emu.emulator.engine;

import org.l4emu.emulator.unicorn.CodeHook;

/**
 * {@link InstructionCounting} through Unicorn's public API alone: a code hook counts the
 * instructions as Unicorn's own count hook does (it runs at the same place in translated code,
 * so an instruction Thumb's If-Then skips is not counted by either), while Unicorn's count in
 * {@code uc_emu_start} enforces the limit. The count hook runs first and, at the limit, stops
 * the run before this hook sees the instruction; so this count is the instructions started,
 * except at a pause, where it is exactly those completed.
 *
 * <p>It cannot move the limit from inside a hook: a machine using it leaves the emulator to
 * switch threads.
 */
public final class CodeHookCounter implements InstructionCounting, CodeHook {
    private final Runnable stopEngine;
    private long started;
    private long lastAddress = -1;
    private boolean stopAtNext;

    /** @param stopEngine stops the engine from inside a hook (uc_emu_stop) */
    public CodeHookCounter(Runnable stopEngine) {
        this.stopEngine = stopEngine;
    }

    @Override
    public void onInstruction(long address, int size) {
        if (stopAtNext) {
            // Stopped from this hook, the instruction does not run: it is not counted.
            stopAtNext = false;
            stopEngine.run();
            return;
        }
        started++;
        lastAddress = address;
    }

    /**
     * True when the last instruction that started in this run is the one at {@code pc}: the run
     * stopped in it (it did not complete), not after it.
     */
    public boolean lastStartedAt(long pc) {
        return lastAddress == pc;
    }

    @Override
    public void runStarting(long limit) {
        started = 0;
        lastAddress = -1;
        stopAtNext = false;
    }

    @Override
    public long started() {
        return started;
    }

    @Override
    public long completed(long pc, boolean pcBegan) {
        return pcBegan ? started - 1 : started;
    }

    @Override
    public long completedAtPause(long pc, long limit) {
        return Math.min(started, limit);
    }

    @Override
    public boolean canContinueInHook() {
        return false;
    }

    @Override
    public void continueFor(long instructions) {
        throw new UnsupportedOperationException("the public API cannot give a run more instructions from a hook");
    }

    /**
     * The run stops before its next instruction: that instruction's hook stops the engine. (A
     * uc_emu_stop from a memory hook would cut the current instruction short instead.)
     */
    @Override
    public void stopBeforeNext() {
        stopAtNext = true;
    }
}
