package org.l4emu.tools.gdb;

import java.nio.charset.StandardCharsets;

/** The hex encodings of the remote protocol: bytes, little-endian register words, text. */
final class Hex {
    private Hex() {}

    static String bytes(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    static byte[] parseBytes(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex length");
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** A 32-bit register value as GDB sends it on little-endian targets. */
    static String word(int value) {
        return bytes(new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)});
    }

    static int parseWord(String hex) {
        byte[] b = parseBytes(hex);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    static String text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A hex number of the protocol: digits only, at most 63 bits (a wider one is refused, never negative). */
    static long number(String hex) {
        if (hex.isEmpty() || Character.digit(hex.charAt(0), 16) < 0) {
            throw new IllegalArgumentException("not a hex number: '" + hex + "'");
        }
        long value = Long.parseUnsignedLong(hex, 16);
        if (value < 0) {
            throw new IllegalArgumentException("too large: " + hex);
        }
        return value;
    }

    /** A 32-bit guest address (or any 32-bit value); anything wider is refused, not wrapped. */
    static int address(String hex) {
        long value = number(hex);
        if (value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("wider than 32 bits: " + hex);
        }
        return (int) value;
    }

    /** A count or index: at most {@code Integer.MAX_VALUE}. */
    static int count(String hex) {
        long value = number(hex);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too large: " + hex);
        }
        return (int) value;
    }
}
