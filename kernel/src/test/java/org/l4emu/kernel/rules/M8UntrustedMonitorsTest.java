package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M8, through guest-programs/src/m8_untrusted_monitors.c. */
@DisplayName("M8 Untrusted monitors")
class M8UntrustedMonitorsTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m8_untrusted_monitors.xml");
    }

    @Test
    @DisplayName("M8: a source monitor receives with no timeout: a zero-timeout send waits for it and succeeds")
    void sourceMonitorNoTimeout() {
        assertLine(run, "M8 a: zero send timeout, source monitor not yet waiting: no error");
        assertLine(run, "M8 a: the send waited for the source monitor: yes");
    }

    @Test
    @DisplayName("M8: delivery to the first destination monitor is final delivery: the source is released then")
    void destinationMonitorIsFinal() {
        assertInOrder(run,
                "M8 b: send with a 500 us delay timeout to a destination monitor that holds it 1000 us: no error",
                "M8 b: released when the destination monitor received: yes",
                "M8 dguard: client -> server, label 0x8b, dope 0x10 (R)",
                "M8 dguard: forward to the destination: no error",
                "server: label 0x8b from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("M8: the controlling monitor is notified at the destination monitor, named as final receiver")
    void notifiedAtDestinationMonitor() {
        assertInOrder(run,
                "M8 sysctl: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client, "
                        + "true source client, final receiver dguard, error 0",
                "M8 sysctl: releasing the client: no error",
                "M8 c: send through a controlling system monitor and the destination monitor: no error",
                "M8 c: released when the destination monitor received: yes",
                "server2: label 0x8c from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("M8/M4: the send timeout is checked against the destination monitor, not the destination behind it")
    void timeoutCheckedAgainstDestinationMonitor() {
        assertInOrder(run,
                "M8 sysctl: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client, "
                        + "true source client, final receiver dguard, error 0",
                "M8 dguard: client -> absent, label 0x8d, dope 0x3d (R D option 6)",
                "M8 d: zero send timeout to a destination that never receives, through a system monitor and a "
                        + "waiting destination monitor: no error");
    }

    @Test
    @DisplayName("M8: the scenario passes")
    void passes() {
        assertPassed(run, "M8");
    }
}
