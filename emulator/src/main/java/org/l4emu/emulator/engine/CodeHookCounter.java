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
    private long started;
    private long lastAddress = -1;

    @Override
    public void onInstruction(long address, int size) {
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

    @Override
    public void stopBeforeNext() {
        // Nothing to move: the caller's uc_emu_stop ends the run before its next instruction.
    }
}
