package org.l4emu.kernel;

/** Exit codes of a run (ABI section 4); a guest's shutdown code is passed through as given. */
public final class ExitCode {
    public static final int ALL_EXITED = 0;
    public static final int BAD_INPUT = 2;
    public static final int DEADLOCK = 3;
    public static final int UNHANDLED_FAULT = 4;
    public static final int LIMIT_REACHED = 124;

    private ExitCode() {}
}
