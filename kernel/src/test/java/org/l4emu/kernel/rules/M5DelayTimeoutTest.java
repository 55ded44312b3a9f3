package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M5, through guest-programs/src/m5_delay_timeout.c: delivery comes ~1000 us after the check. */
@DisplayName("M5 Delay timeout")
class M5DelayTimeoutTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m5_delay_timeout.xml");
    }

    @Test
    @DisplayName("M5: a source's delay timeout shorter than the monitors take: error 5 for the source, nothing for D")
    void sourceDelayExpires() {
        assertInOrder(run,
                "M5 slow: forward of label 0x51: error 5 (delay timeout), phase send",
                "M5 source's 500 us, tight's 5000 us: error 5 (delay timeout), phase send",
                "M5 source's 500 us, tight's 5000 us, ErrorCode: 5");
    }

    @Test
    @DisplayName("M5: the smaller of the source's and a monitor's delay timeout counts")
    void smallerCounts() {
        assertInOrder(run,
                "M5 source's 2000 us, tight's 5000 us: no error",
                "M5 source's 5000 us, tight's 300 us: error 5 (delay timeout), phase send",
                "M5 no source delay timeout, tight's 300 us: error 5 (delay timeout), phase send");
    }

    @Test
    @DisplayName("M5: a monitor's delay timeout counts from the send-timeout check, not from its own forward")
    void monitorDelayCountsFromCheck() {
        assertInOrder(run,
                "M5 slow: forward of label 0x56: error 5 (delay timeout), phase send",
                "M5 slow's 500 us, given after it held the message 1000 us: error 5 (delay timeout), phase send");
    }

    @Test
    @DisplayName("M5: on expiry a controlling monitor is notified with MR4 = 5 and decides")
    void controllingMonitorDecides() {
        assertInOrder(run,
                "M5 tight: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client, "
                        + "true source client, final receiver server, error 5",
                "M5 tight: ending the client's IPC with code 0x55: no error",
                "M5 source's 5000 us, tight's 300 us, tight controlling: error 8 (monitor error), phase send",
                "M5 source's 5000 us, tight's 300 us, tight controlling, ErrorCode: 85");
    }

    @Test
    @DisplayName("M5: the destination receives only the message whose delay timeout was met")
    void destinationReceivesNothingOnExpiry() {
        assertLinesStartingWith(run, "server:", "server: label 0x52 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("M5: the scenario passes")
    void passes() {
        assertPassed(run, "M5");
    }
}
