package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a debugger sends is input like any other: a malformed or out-of-range packet gets an
 * error reply (or a partial one, where the protocol allows it), never a host exception that
 * ends the session, and the session answers the packets after it as before.
 */
class MalformedPacketsTest {
    private static final String[] PACKETS = {
            "m0,ffffffff", "m0,ffffffffffffffff", "m0,+4", "m-1,4", "m10000,7fffffff", "m100000000,4", "mffffffff,10", "m,", "m", "mzz,4", "m10000",
            "M0,1:zz", "M10000,4:00", "M10000,ffffffff:00", "M10000,1", "M100000000,1:00", "X0,4:abcd",
            "Z0,zz,4", "Z0,100000000,4", "Z2,0,100000", "Z2,0,ffffffffffffffff", "Z", "z9,0,4", "Zx,0,4",
            "vCont;s:100000000", "Hgzz", "Hg100000000", "Hg-1", "T7fffffff", "T100000000", "Tzz",
            "p99", "pffffffffffffffff", "Pff=00", "P0=zz", "P0", "G00", "qRcmd,zz",
            "qXfer:features:read:target.xml:0,ffffffff", "qXfer:features:read:target.xml:ffffffffffffffff,10",
            "qXfer:features:read:target.xml:zz", "qXfer:threads:read::0,ffffffffffffffff",
            "qThreadStopInfo100000000", "qThreadExtraInfo,zz", "vFile:open:x", "qL1200000000000000000", "b", "bx"};

    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("every malformed or out-of-range packet is answered, and the session goes on")
    void malformedPacketsAreAnswered(String arch) throws Exception {
        List<String> packets = new ArrayList<>(List.of(PACKETS));
        packets.add("g");
        List<String> replies = ScriptedSession.replies(ScriptedSession.guest(arch, "pingpong.xml"), packets);
        assertEquals(PACKETS.length + 2, replies.size(), replies.toString());
        for (int i = 0; i < PACKETS.length; i++) {
            String reply = replies.get(i);
            assertTrue(reply.isEmpty() || reply.matches("(?s)E\\p{XDigit}{2}|OK|[0-9a-f]+|[ml].*"),
                    PACKETS[i] + " -> " + reply);
        }
        assertTrue(replies.get(0).matches("E\\p{XDigit}{2}|[0-9a-f]*"), replies.get(0));
        assertTrue(replies.get(PACKETS.length).matches("[0-9a-fx]+"), "g after them: " + replies.get(PACKETS.length));
        assertEquals("X09", replies.get(PACKETS.length + 1));
    }
}
