package org.l4emu.kernel.system;

import java.util.regex.Pattern;

/** Numbers as system descriptions write them: decimal, or hexadecimal with a 0x prefix. */
final class NumberText {
    private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");

    private NumberText() {}

    static boolean isHex(String text) {
        return HEX.matcher(text).matches();
    }

    /**
     * The value of {@code text}, or -1 when it is not a number or exceeds {@link Long#MAX_VALUE},
     * so that callers report one "out of range" message for both.
     */
    static long parseUnsigned(String text) {
        try {
            if (isHex(text)) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (DECIMAL.matcher(text).matches()) {
                return Long.parseLong(text);
            }
        } catch (NumberFormatException tooLarge) {
            // Falls through: the digits are fine, the value is not.
        }
        return -1;
    }

    /** {@code value} as {@code 0x...}, for messages. */
    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
