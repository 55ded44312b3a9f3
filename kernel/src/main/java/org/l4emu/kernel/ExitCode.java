package org.l4emu.kernel;

import org.l4emu.abi.Abi;

/** Exit codes of a run (ABI section 4.6, the table's); a guest's shutdown code is passed through, masked. */
public final class ExitCode {
    public static final int ALL_EXITED = Abi.ExitCode.ALL_EXITED;
    public static final int BAD_INPUT = Abi.ExitCode.BAD_INPUT;
    public static final int DEADLOCK = Abi.ExitCode.DEADLOCK;
    public static final int UNHANDLED_FAULT = Abi.ExitCode.UNHANDLED_FAULT;
    public static final int LIMIT_REACHED = Abi.ExitCode.LIMIT_REACHED;

    private ExitCode() {}

    /** The exit code of a kdebug shutdown with {@code code}. */
    public static int ofShutdown(int code) {
        return code & Abi.ExitCode.SHUTDOWN_MASK;
    }
}
