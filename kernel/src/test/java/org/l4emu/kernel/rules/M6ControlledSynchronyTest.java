package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md M6, through guest-programs/src/m6_controlled_synchrony.c; the paper's example in
 * {@link org.l4emu.kernel.monitors.PumpScenarioTest} chains controlling monitors too.
 */
@DisplayName("M6 Controlled synchrony")
class M6ControlledSynchronyTest {
    private static final String KERNEL_NOTIFICATION = "notification from nilthread, dope 0x5 (option 2), MR0 0x8004, "
            + "blocked source client, true source client, final receiver server, error 0";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m6_controlled_synchrony.xml");
    }

    @Test
    @DisplayName("M6: the notification: from nilthread, dope 0x5, MR0 label 0 with flag bit 15 and u = 4, MR1..MR4")
    void notificationWords() {
        assertLinesStartingWith(run, "M6 ctl: notification",
                "M6 ctl: " + KERNEL_NOTIFICATION, "M6 ctl: " + KERNEL_NOTIFICATION, "M6 ctl: " + KERNEL_NOTIFICATION);
    }

    @Test
    @DisplayName("M6: a held caller is not yet receiving: the callee's zero-timeout reply fails (the exception to S4)")
    void zeroTimeoutReplyBeforeRelease() {
        assertInOrder(run,
                "M6 server: label 0x61 from client, words 7, dope 0x0",
                "M6 server: zero-timeout reply right after receipt: error 1 (timeout), phase send",
                "M6 ctl: " + KERNEL_NOTIFICATION,
                "M6 ctl: releasing the client with option 3: no error",
                "M6 client: call held by the controlling monitor: no error",
                "M6 client: reply MR1: 107",
                "M6 server: reply with a 5000 us send timeout: no error");
    }

    @Test
    @DisplayName("M6: the source is held until option 3, even though the notification waited for the monitor's open wait")
    void heldUntilUnblocked() {
        assertLine(run, "M6 client: held until ctl released it, at least 1300 us: yes");
    }

    @Test
    @DisplayName("M6: a source released by option 3 sees its send complete with dope 0")
    void releasedSend() {
        assertLine(run, "M6 client: send released with option 3: no error");
        assertLine(run, "M6 client: send released with option 3 returned: from nilthread, dope 0x0");
    }

    @Test
    @DisplayName("M6: a source released by option 1 sees error 8 in the send phase, although D received")
    void failedSend() {
        assertInOrder(run,
                "M6 server: label 0x63 from client, words (none), dope 0x0",
                "M6 ctl: ending the client's IPC with option 1, code 0x66: no error",
                "M6 client: send ended with option 1: error 8 (monitor error), phase send",
                "M6 client: send ended with option 1, ErrorCode: 102");
    }

    @Test
    @DisplayName("M6: the last controlling monitor is notified; passed on with option 2 it arrives from that monitor with dope 0x5")
    void chainOfControllers() {
        assertInOrder(run,
                "M6 inner: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client, "
                        + "true source client, final receiver server2, error 0",
                "M6 inner: passing the notification on to outer with option 2: no error",
                "M6 outer: notification from inner, dope 0x5 (option 2), MR0 0x4, blocked source client, "
                        + "true source client, final receiver server2, error 0",
                "M6 outer: releasing the client with option 3: no error",
                "M6 client: send through two controlling monitors: no error");
        assertLinesStartingWith(run, "M6 outer: notification",
                "M6 outer: notification from inner, dope 0x5 (option 2), MR0 0x4, blocked source client, "
                        + "true source client, final receiver server2, error 0");
    }

    @Test
    @DisplayName("M6: the scenario passes")
    void passes() {
        assertPassed(run, "M6");
    }
}
