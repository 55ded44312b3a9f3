package org.l4emu.tools.trace;

import java.util.Locale;

/** How traces print 32-bit words and addresses. */
public final class Words {
    private Words() {}

    /** Shortest hex form: 0x4c. */
    public static String hex(int word) {
        return "0x" + Integer.toHexString(word);
    }

    /** Eight-digit form for addresses: 0x00008000. */
    public static String address(int word) {
        return String.format(Locale.ROOT, "0x%08x", word);
    }

    /** Parses decimal or 0x-prefixed hex as a 32-bit word; NumberFormatException otherwise. */
    public static int parse(String text) {
        String trimmed = text.trim();
        long value = trimmed.startsWith("0x") || trimmed.startsWith("0X")
                ? Long.parseLong(trimmed.substring(2), 16)
                : Long.parseLong(trimmed);
        if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
            throw new NumberFormatException(text + " does not fit 32 bits");
        }
        return (int) value;
    }
}
