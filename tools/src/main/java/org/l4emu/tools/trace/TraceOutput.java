package org.l4emu.tools.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The encoder under the recorder: LEB128 varints and length-prefixed strings into a 64 KiB
 * buffer that drains to the file when full, so recording costs a few stores per field.
 */
final class TraceOutput implements AutoCloseable {
    private static final int MAX_VARINT_BYTES = 10;

    private final OutputStream sink;
    private final String name;
    private final byte[] buffer = new byte[1 << 16];
    private int position;

    TraceOutput(OutputStream sink, String name) {
        this.sink = sink;
        this.name = name;
    }

    void u8(int value) {
        if (position == buffer.length) {
            drain();
        }
        buffer[position++] = (byte) value;
    }

    void varint(long value) {
        if (buffer.length - position < MAX_VARINT_BYTES) {
            drain();
        }
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[position++] = (byte) rest;
    }

    /** A 32-bit word as unsigned. */
    void word(int value) {
        varint(Integer.toUnsignedLong(value));
    }

    /** The first {@code count} of {@code values}, each as a word. */
    void words(int[] values, int count) {
        for (int i = 0; i < count; i++) {
            word(values[i]);
        }
    }

    void string(String value) {
        bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] value) {
        varint(value.length);
        raw(value);
    }

    void raw(byte[] value) {
        int offset = 0;
        while (offset < value.length) {
            if (position == buffer.length) {
                drain();
            }
            int chunk = Math.min(value.length - offset, buffer.length - position);
            System.arraycopy(value, offset, buffer, position, chunk);
            position += chunk;
            offset += chunk;
        }
    }

    void flush() {
        drain();
        try {
            sink.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void drain() {
        try {
            sink.write(buffer, 0, position);
        } catch (IOException e) {
            throw failure(e);
        }
        position = 0;
    }

    private TraceException failure(IOException e) {
        return new TraceException(name + ": cannot write trace (" + IoProblems.describe(e) + ")", e);
    }

    @Override
    public void close() {
        try (sink) {
            drain();
        } catch (IOException e) {
            throw failure(e);
        }
    }
}
