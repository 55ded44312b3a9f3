package org.l4emu.tools.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The option codes of ABI section 3 (the paper's Table 1). */
public enum IpcOption {
    UNRELIABLE,
    ERROR,
    NOTIFICATION,
    UNBLOCKING,
    DECEIT,
    DECEIT_BLOCKED_SOURCE,
    DECEIT_CONTROLLING_MONITOR,
    DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR;

    public int code() {
        return ordinal();
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The option a send descriptor asks for (bit 0 = O, bits 3..1 code), or null. */
    public static IpcOption ofSendDescriptor(int descriptor) {
        return (descriptor & 1) == 0 ? null : values()[(descriptor >>> 1) & 7];
    }

    /** The option a dope reports as received (same bit layout), or null. */
    public static IpcOption ofDope(int dope) {
        return ofSendDescriptor(dope);
    }

    /** By name ({@code deceit}, {@code unblocking}, ...) or code (0-7). */
    public static Optional<IpcOption> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (wanted.matches("[0-7]")) {
            return Optional.of(values()[Integer.parseInt(wanted)]);
        }
        return Arrays.stream(values()).filter(o -> o.jsonName().equals(wanted)).findFirst();
    }
}
