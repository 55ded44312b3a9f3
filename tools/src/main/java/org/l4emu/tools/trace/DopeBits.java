package org.l4emu.tools.trace;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.abi.Abi;

/** A message dope (ABI section 3.2, the table's fields) taken apart: option, R, D, error code and phase. */
public record DopeBits(int dope) {
    public IpcOption option() {
        return IpcOption.ofDope(dope);
    }

    public boolean redirected() {
        return Abi.Dope.REDIRECTED.get(dope) != 0;
    }

    public boolean deceit() {
        return Abi.Dope.DECEIT.get(dope) != 0;
    }

    public int errorCode() {
        return Abi.Dope.ERROR.get(dope);
    }

    public String phase() {
        return Abi.Dope.PHASE.get(dope) == Abi.Phase.RECEIVE ? "receive" : "send";
    }

    /** The table's name of an error code ("timeout", ...), or "error N" for one the ABI does not define. */
    public static String errorName(int code) {
        String name = Abi.ErrorCode.name(code);
        return name != null ? name : "error " + code;
    }

    /** "R D option deceit" or "error 1 timeout (send)"; empty for dope 0. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (redirected()) {
            parts.add("R");
        }
        if (deceit()) {
            parts.add("D");
        }
        if (option() != null) {
            parts.add("option " + option().jsonName());
        }
        if (errorCode() != Abi.ErrorCode.NONE) {
            parts.add("error " + errorCode() + " " + errorName(errorCode()) + " (" + phase() + ")");
        }
        return String.join(" ", parts);
    }
}
