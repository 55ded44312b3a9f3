package org.l4emu.kernel.ipc;

/** The message dope returned by ipc (ABI section 3): O, option, R, D, error code, error phase. */
public final class Dope {
    public static final int OPTION_BIT = 1;
    public static final int REDIRECTED_BIT = 1 << 4;
    public static final int DECEIT_BIT = 1 << 5;
    private static final int ERROR_SHIFT = 8;
    private static final int PHASE_SHIFT = 12;

    private Dope() {}

    public static int error(IpcError error, Phase phase) {
        return (error.code() << ERROR_SHIFT) | (phase.bit() << PHASE_SHIFT);
    }

    public static int option(int optionCode) {
        return OPTION_BIT | (optionCode << 1);
    }

    public static int errorCode(int dope) {
        return (dope >>> ERROR_SHIFT) & 0xF;
    }
}
