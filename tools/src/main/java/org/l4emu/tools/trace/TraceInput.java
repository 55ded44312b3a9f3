package org.l4emu.tools.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The decoder under {@link TraceReader}: varints and strings, with errors that name the file. */
final class TraceInput {
    private static final int MAX_STRING = 1 << 24;

    private final InputStream in;
    private final String name;
    private long offset;

    TraceInput(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** The next byte, or -1 at the end of the input. */
    int u8OrEnd() {
        try {
            int value = in.read();
            if (value >= 0) {
                offset++;
            }
            return value;
        } catch (IOException e) {
            throw new TraceException(name + ": cannot read trace (" + IoProblems.describe(e) + ")", e);
        }
    }

    int u8() {
        int value = u8OrEnd();
        if (value < 0) {
            throw malformed("truncated record");
        }
        return value;
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw malformed("varint longer than 10 bytes");
    }

    int word() {
        long value = varint();
        if (value >>> 32 != 0) {
            throw malformed("word " + value + " does not fit 32 bits");
        }
        return (int) value;
    }

    /** A count or index that must lie in 0..limit. */
    int count(int limit, String what) {
        long value = varint();
        if (value > limit) {
            throw malformed(what + " " + value + " exceeds " + limit);
        }
        return (int) value;
    }

    byte[] bytes() {
        int length = count(MAX_STRING, "string length");
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) u8();
        }
        return value;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    TraceException malformed(String problem) {
        return new TraceException(name + ": malformed trace at byte " + offset + ": " + problem);
    }
}
