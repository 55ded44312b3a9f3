package org.l4emu.tools.gdb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The GDB remote serial protocol's framing over a socket: {@code $data#checksum} packets,
 * {@code +}/{@code -} acknowledgements until no-ack mode, and the interrupt byte (0x03).
 */
final class RspChannel {
    private static final int INTERRUPT = 0x03;

    private final InputStream in;
    private final OutputStream out;
    private boolean acknowledging = true;
    private boolean interrupted;

    RspChannel(InputStream in, OutputStream out) {
        this.in = new BufferedInputStream(in);
        this.out = out;
    }

    /** The next packet's data, or null when the debugger closed the connection. */
    String receive() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == INTERRUPT) {
                interrupted = true;
                continue;
            }
            if (b != '$') {
                continue;
            }
            StringBuilder data = new StringBuilder();
            int sum = 0;
            while ((b = in.read()) != '#') {
                if (b < 0) {
                    return null;
                }
                data.append((char) b);
                sum += b;
            }
            int high = in.read();
            int low = in.read();
            if (high < 0 || low < 0) {
                return null;
            }
            int expected = Integer.parseInt("" + (char) high + (char) low, 16);
            if (acknowledging) {
                out.write((sum & 0xFF) == expected ? '+' : '-');
                out.flush();
                if ((sum & 0xFF) != expected) {
                    continue;
                }
            }
            return data.toString();
        }
    }

    void send(String data) throws IOException {
        int sum = 0;
        for (byte b : data.getBytes(StandardCharsets.ISO_8859_1)) {
            sum += b & 0xFF;
        }
        out.write(('$' + data + '#' + String.format("%02x", sum & 0xFF)).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (acknowledging) {
            int ack = in.read();
            while (ack == INTERRUPT) {
                interrupted = true;
                ack = in.read();
            }
            if (ack == '-') {
                send(data);
            }
        }
    }

    void stopAcknowledging() {
        acknowledging = false;
    }

    /** True once when the debugger asked to interrupt a running target (Ctrl-C). */
    boolean takeInterrupt() throws IOException {
        while (in.available() > 0) {
            int b = in.read();
            if (b == INTERRUPT) {
                interrupted = true;
            }
        }
        boolean was = interrupted;
        interrupted = false;
        return was;
    }
}
