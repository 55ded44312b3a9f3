package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;

/** The message dope returned by ipc (ABI section 3.2): O, option, R, D, error code, error phase. */
public final class Dope {
    public static final int OPTION_BIT = Abi.Dope.OPTION_BIT;
    public static final int REDIRECTED_BIT = Abi.Dope.REDIRECTED.bits();
    public static final int DECEIT_BIT = Abi.Dope.DECEIT.bits();

    private Dope() {}

    public static int error(IpcError error, Phase phase) {
        return Abi.Dope.ERROR.place(error.code()) | Abi.Dope.PHASE.place(phase.bit());
    }

    public static int option(int optionCode) {
        return OPTION_BIT | Abi.Dope.OPTION.place(optionCode);
    }

    public static int errorCode(int dope) {
        return Abi.Dope.ERROR.get(dope);
    }
}
