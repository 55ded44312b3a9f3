package org.l4emu.tools.trace;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A byte queue in one thread: what the recorder writes the decoder reads back at once. Reading an
 * empty pipe returns end of input, so the decoder stops at the last complete record. The stepper
 * and the live rule checker read a running kernel's events this way, exactly as a trace holds them.
 */
public final class BytePipe {
    private byte[] bytes = new byte[1 << 12];
    private int readPosition;
    private int writePosition;

    public final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) {
            ensure(1);
            bytes[writePosition++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, writePosition, length);
            writePosition += length;
        }
    };

    public final InputStream source = new InputStream() {
        @Override
        public int read() {
            if (readPosition == writePosition) {
                readPosition = 0;
                writePosition = 0;
                return -1;
            }
            return bytes[readPosition++] & 0xFF;
        }
    };

    private void ensure(int length) {
        if (writePosition + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, writePosition + length));
        }
    }
}
