package org.l4emu.emulator.debug;

/** What a register is for, as debuggers need to know it (lldb's "generic" register kinds). */
public enum RegisterRole {
    PROGRAM_COUNTER("pc"),
    STACK_POINTER("sp"),
    FRAME_POINTER("fp"),
    RETURN_ADDRESS("ra"),
    FLAGS("flags"),
    NONE(null);

    private final String lldbName;

    RegisterRole(String lldbName) {
        this.lldbName = lldbName;
    }

    /** The name lldb's {@code generic} attribute gives this role, or null. */
    public String lldbName() {
        return lldbName;
    }
}
