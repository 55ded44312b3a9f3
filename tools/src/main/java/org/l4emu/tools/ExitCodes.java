package org.l4emu.tools;

/** Exit codes of the tools beyond those a guest run produces (ABI section 4). */
final class ExitCodes {
    static final int ENVIRONMENT = 1;
    static final int USAGE = 2;
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 70;

    private ExitCodes() {}
}
