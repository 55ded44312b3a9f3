package org.l4emu.emulator.debug;

/** Register values as debuggers send them: little-endian bytes. */
final class RegisterBytes {
    private RegisterBytes() {}

    /** {@code value} in {@code count} little-endian bytes (zero above the low 32 bits). */
    static byte[] of(int value, int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < Math.min(Integer.BYTES, count); i++) {
            out[i] = (byte) (value >>> (Byte.SIZE * i));
        }
        return out;
    }

    /** The 32-bit value of {@code bytes}, or null when they are fewer than 4 or hold more than 32 bits. */
    static Integer word(byte[] bytes) {
        if (bytes.length < Integer.BYTES) {
            return null;
        }
        for (int i = Integer.BYTES; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return null;
            }
        }
        return (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16 | (bytes[3] & 0xFF) << 24;
    }
}
