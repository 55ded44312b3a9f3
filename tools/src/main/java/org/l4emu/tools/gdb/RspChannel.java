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
    /** The longest packet data kept: a longer one is refused like a bad checksum (the stub offers 0x4000). */
    static final int MOST_DATA = 0x4000;
    /** How often a reply is sent again when the debugger refuses it. */
    private static final int RESENDS = 3;

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
            boolean tooLong = false;
            while ((b = in.read()) != '#') {
                if (b < 0) {
                    return null;
                }
                tooLong |= data.length() == MOST_DATA;
                if (!tooLong) {
                    data.append((char) b);
                }
                sum += b;
            }
            int high = in.read();
            int low = in.read();
            if (high < 0 || low < 0) {
                return null;
            }
            boolean checksumRight = Character.digit(high, 16) >= 0 && Character.digit(low, 16) >= 0
                    && (sum & 0xFF) == (Character.digit(high, 16) << 4 | Character.digit(low, 16));
            if (acknowledging) {
                out.write(!tooLong && checksumRight ? '+' : '-');
                out.flush();
            }
            // Without acknowledgements a checksum cannot be refused, so the packet is taken as sent.
            if (!tooLong && (checksumRight || !acknowledging)) {
                return data.toString();
            }
        }
    }

    void send(String data) throws IOException {
        int sum = 0;
        for (byte b : data.getBytes(StandardCharsets.ISO_8859_1)) {
            sum += b & 0xFF;
        }
        byte[] packet = ('$' + data + '#' + String.format("%02x", sum & 0xFF)).getBytes(StandardCharsets.ISO_8859_1);
        for (int sent = 0; sent <= RESENDS; sent++) {
            out.write(packet);
            out.flush();
            if (!acknowledging || acknowledgement() != '-') {
                return;
            }
        }
        throw new IOException("the debugger refused a reply " + (RESENDS + 1) + " times");
    }

    /** The debugger's answer to a packet sent: '+', '-', or another byte (taken as '+'), or -1 at the end. */
    private int acknowledgement() throws IOException {
        int ack = in.read();
        while (ack == INTERRUPT) {
            interrupted = true;
            ack = in.read();
        }
        return ack;
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
