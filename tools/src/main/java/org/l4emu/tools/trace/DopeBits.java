package org.l4emu.tools.trace;

import java.util.ArrayList;
import java.util.List;

/** A message dope (ABI section 3) taken apart: option, R, D, error code and phase. */
public record DopeBits(int dope) {
    private static final String[] ERRORS = {"none", "timeout", "no partner", "cancelled", "message overflow",
        "delay timeout", "not permitted", "aborted", "monitor error", "invalid argument"};

    public IpcOption option() {
        return IpcOption.ofDope(dope);
    }

    public boolean redirected() {
        return (dope & (1 << 4)) != 0;
    }

    public boolean deceit() {
        return (dope & (1 << 5)) != 0;
    }

    public int errorCode() {
        return (dope >>> 8) & 0xF;
    }

    public String phase() {
        return (dope & (1 << 12)) != 0 ? "receive" : "send";
    }

    public static String errorName(int code) {
        return code >= 0 && code < ERRORS.length ? ERRORS[code] : "error " + code;
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
        if (errorCode() != 0) {
            parts.add("error " + errorCode() + " " + errorName(errorCode()) + " (" + phase() + ")");
        }
        return String.join(" ", parts);
    }
}
