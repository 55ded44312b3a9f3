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
     * After the instruction that made a watched access: it completed, and the counter stopped
     * the CPU before the next one; the count is the counter's at the access
     * ({@link EngineDebugHooks#completed}).
     */
    AFTER_INSTRUCTION;

    /**
     * Instructions completed, given those the machine's stop decoder counted for the pause (the
     * instruction a code hook stopped before had its count hook run).
     */
    public long completed(long decoded) {
        return this == BEFORE_INSTRUCTION ? decoded - 1 : decoded;
    }
}
