package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M7, through guest-programs/src/m7_unreliable_send.c. */
@DisplayName("M7 Unreliable send")
class M7UnreliableSendTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m7_unreliable_send.xml");
    }

    @Test
    @DisplayName("M7: an unreliable send is released when the first monitor receives, before the destination has it")
    void releasedAtFirstHop() {
        assertInOrder(run,
                "M7 client: unreliable send through a monitor that holds it 1000 us: no error",
                "M7 client: released when the monitor received, long before delivery: yes",
                "M7 slow: client -> server, label 0x70, dope 0x11 (R option 0)",
                "server: label 0x70 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("M7: the same send without option 0 is released only at delivery")
    void reliableForContrast() {
        assertInOrder(run,
                "server: label 0x71 from client, words (none), dope 0x0",
                "M7 client: reliable send through the same monitor: no error",
                "M7 client: released only at delivery: yes");
    }

    @Test
    @DisplayName("M7, R2: the first monitor sees no blocked source for an unreliable send, whose source it released")
    void noBlockedSourceAfterRelease() {
        assertLinesStartingWith(run, "M7 slow: label",
                "M7 slow: label 0x70, BlockedSource word nilthread",
                "M7 slow: label 0x71, BlockedSource word client");
    }

    @Test
    @DisplayName("M7: receivers that are not monitors never see option 0")
    void destinationSeesNoOption() {
        assertLinesStartingWith(run, "server:",
                "server: label 0x70 from client, words (none), dope 0x0",
                "server: label 0x71 from client, words (none), dope 0x0");
        assertLinesStartingWith(run, "plain:", "plain: label 0x72 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("M7: the scenario passes")
    void passes() {
        assertPassed(run, "M7");
    }
}
