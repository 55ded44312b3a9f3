package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Packet framing of the remote protocol: checksums, acknowledgements, the interrupt byte. */
class RspProtocolTest {
    @Test
    @DisplayName("a packet is acknowledged and its reply framed with the checksum")
    void framing() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RspChannel channel = new RspChannel(new ByteArrayInputStream("$qC#b4+".getBytes(StandardCharsets.US_ASCII)), sent);
        assertEquals("qC", channel.receive());
        channel.send("QC1");
        assertEquals("+$QC1#c5", sent.toString(StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("a bad checksum is refused and the interrupt byte is noted")
    void badChecksumAndInterrupt() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RspChannel channel = new RspChannel(new ByteArrayInputStream(
                "\u0003$g#00$g#67".getBytes(StandardCharsets.US_ASCII)), sent);
        assertEquals("g", channel.receive());
        assertEquals("-+", sent.toString(StandardCharsets.US_ASCII));
        assertEquals(true, channel.takeInterrupt());
        assertEquals(false, channel.takeInterrupt());
    }

    @Test
    @DisplayName("a checksum that is not hex and a packet longer than the stub takes are refused, and the next packet is read")
    void malformedFraming() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        String tooLong = "$" + "A".repeat(RspChannel.MOST_DATA + 1) + "#00";
        RspChannel channel = new RspChannel(new ByteArrayInputStream(
                ("$g#zz" + tooLong + "$g#67").getBytes(StandardCharsets.US_ASCII)), sent);
        assertEquals("g", channel.receive());
        assertEquals("--+", sent.toString(StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("a reply the debugger keeps refusing ends the session, after a few tries")
    void refusedReply() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RspChannel channel = new RspChannel(new ByteArrayInputStream("------------".getBytes(StandardCharsets.US_ASCII)), sent);
        assertThrows(IOException.class, () -> channel.send("OK"));
        assertEquals("$OK#9a".repeat(4), sent.toString(StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("stop replies")
    void stopReplies() {
        assertEquals("T05thread:2;swbreak:;", new StopReply.Trap(2, "swbreak:;").packet());
        assertEquals("T05thread:1;replaylog:begin;", new StopReply.HistoryBegin(1).packet());
        assertEquals("W07", new StopReply.Exited(7).packet());
    }
}
