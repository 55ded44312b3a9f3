package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M2, through guest-programs/src/m2_unblocking_rule.c. */
@DisplayName("M2 Unblocking rule")
class M2UnblockingRuleTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m2_unblocking_rule.xml");
    }

    @Test
    @DisplayName("M2: at delivery the blocked source named by option 5 is released, not the claimed true source")
    void namedBlockedSourceReleased() {
        assertInOrder(run,
                "M2 proxy: forwarding the client's message as alias's, option 5: no error",
                "server: label 0xc1 from alias, words (none), dope 0x0",
                "M2 client: send forwarded as alias's with the client as blocked source: no error",
                "M2 client: released before alias's own message was forwarded: yes",
                "M2 proxy: forwarding alias's own message: no error",
                "server: label 0xa1 from alias, words (none), dope 0x0",
                "M2 alias: its own send: no error");
        assertLine(run, "M2 alias: it stayed blocked until its own message was delivered: yes");
    }

    @Test
    @DisplayName("M2: with a controlling monitor, delivery notifies it and the source stays blocked until it acts")
    void controllingMonitorHolds() {
        assertInOrder(run,
                "M2 proxy: forwarding as controlling monitor, option 6: no error",
                "M2 proxy: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client, "
                        + "true source client, final receiver server, error 0",
                "M2 proxy: releasing the client: no error",
                "M2 client: send held by the controlling monitor: no error");
        assertLine(run, "M2 client: held until the controlling monitor released it 1500 us after delivery: yes");
    }

    @Test
    @DisplayName("M2: the scenario passes")
    void passes() {
        assertPassed(run, "M2");
    }
}
