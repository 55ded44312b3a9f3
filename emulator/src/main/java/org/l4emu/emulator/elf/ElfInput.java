package org.l4emu.emulator.elf;

import java.util.Arrays;

/**
 * The raw bytes of an image with little-endian field access. Every read is preceded by a
 * {@link #requireWithinFile} check of the structure it belongs to, so that malformed input
 * turns into an {@link ElfFormatException} instead of an index error.
 */
final class ElfInput {
    private final String displayName;
    private final byte[] bytes;

    ElfInput(String displayName, byte[] bytes) {
        this.displayName = displayName;
        this.bytes = bytes;
    }

    int length() {
        return bytes.length;
    }

    ElfFormatException fail(String problem) {
        return new ElfFormatException(displayName, problem);
    }

    /** Checks that {@code size} bytes at {@code start} (both unsigned) lie in the file. */
    void requireWithinFile(long start, long size, String what) throws ElfFormatException {
        long end = start + size;
        if (end > bytes.length) {
            throw fail("truncated: " + what + " ends at byte " + end
                    + " past end of file (" + bytes.length + " bytes)");
        }
    }

    int u8(long offset) {
        return bytes[Math.toIntExact(offset)] & 0xff;
    }

    int u16(long offset) {
        return u8(offset) | u8(offset + 1) << 8;
    }

    /** An unsigned 32-bit field, widened so that offset arithmetic cannot overflow. */
    long u32(long offset) {
        return Integer.toUnsignedLong(u16(offset) | u16(offset + 2) << 16);
    }

    byte[] copy(long start, long size) {
        int from = Math.toIntExact(start);
        return Arrays.copyOfRange(bytes, from, from + Math.toIntExact(size));
    }
}
