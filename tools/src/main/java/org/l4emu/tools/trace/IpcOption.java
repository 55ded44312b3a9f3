package org.l4emu.tools.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.l4emu.abi.Abi;

/** The option codes of ABI section 3.2 (the paper's Table 1), each with the table's code. */
public enum IpcOption {
    UNRELIABLE(Abi.Option.UNRELIABLE),
    ERROR(Abi.Option.ERROR),
    NOTIFICATION(Abi.Option.NOTIFICATION),
    UNBLOCKING(Abi.Option.UNBLOCKING),
    DECEIT(Abi.Option.DECEIT),
    DECEIT_BLOCKED_SOURCE(Abi.Option.DECEIT_BLOCKED_SOURCE),
    DECEIT_CONTROLLING_MONITOR(Abi.Option.DECEIT_CONTROLLING_MONITOR),
    DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR(Abi.Option.DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR);

    private final int code;

    IpcOption(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Options 4-7: a monitor forwarding with deceit. */
    public boolean isDeceit() {
        return Abi.Option.isDeceit(code);
    }

    /** The option with {@code code}; every 3-bit code is one. */
    public static IpcOption ofCode(int code) {
        for (IpcOption option : values()) {
            if (option.code == code) {
                return option;
            }
        }
        throw new IllegalArgumentException("no option " + code);
    }

    /** The option a send descriptor asks for (bit 0 = O, bits 3..1 code), or null. */
    public static IpcOption ofSendDescriptor(int descriptor) {
        return (descriptor & Abi.SendDescriptor.OPTION_BIT) == 0 ? null
                : ofCode(Abi.SendDescriptor.OPTION.get(descriptor));
    }

    /** The option a dope reports as received (O, and the code in bits 3..1), or null. */
    public static IpcOption ofDope(int dope) {
        return (dope & Abi.Dope.OPTION_BIT) == 0 ? null : ofCode(Abi.Dope.OPTION.get(dope));
    }

    /** By name ({@code deceit}, {@code unblocking}, ...) or code (0-7). */
    public static Optional<IpcOption> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (wanted.matches("[0-7]")) {
            return Optional.of(ofCode(Integer.parseInt(wanted)));
        }
        return Arrays.stream(values()).filter(o -> o.jsonName().equals(wanted)).findFirst();
    }
}
