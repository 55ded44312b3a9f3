package org.l4emu.emulator.debug;

/** A stop a {@link DebugProbe} asked for during one emulator run, and what it means for the count. */
public enum DebugStop {
    NONE,
    /** Before the hooked instruction: the count hook had counted it, but it did not execute. */
    BEFORE_INSTRUCTION,
    /**
     * A code hook asked to stop inside a Thumb If-Then block, which Unicorn runs and counts as
     * one instruction: the CPU stopped after the block, before the next instruction was counted.
     */
    AFTER_BLOCK,
    /**
     * After the instruction that made a watched access: it completed, and the count hook stopped
     * the CPU before the next one, which it had counted.
     */
    AFTER_INSTRUCTION;

    /** Instructions completed, given those the emulator's count hook saw start. */
    public long completed(long started) {
        return this == NONE || this == AFTER_BLOCK ? started : started - 1;
    }
}
