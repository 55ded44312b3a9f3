package org.l4emu.emulator.debug;

/** The instruction encoding code at some address uses, for disassemblers and instruction windows. */
public enum DisassemblyMode {
    ARM("ARM", 4, 4),
    THUMB("Thumb", 2, 4),
    X86_32("IA-32", 1, 15);

    private final String displayName;
    private final int alignment;
    private final int maxLength;

    DisassemblyMode(String displayName, int alignment, int maxLength) {
        this.displayName = displayName;
        this.alignment = alignment;
        this.maxLength = maxLength;
    }

    public String displayName() {
        return displayName;
    }

    /** Instructions start at multiples of this many bytes. */
    public int alignment() {
        return alignment;
    }

    /** The longest instruction in bytes. */
    public int maxLength() {
        return maxLength;
    }
}
