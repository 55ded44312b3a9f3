package org.l4emu.kernel.hostile;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** MINIX 3 threat class "caller blockage": a monitor that never forwards (guest-programs/src/hostile_silent_monitor.c). */
@DisplayName("Caller blockage by a monitor that never forwards")
class CallerBlockageByMonitorTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = CheckedRun.boot("hostile_silent_monitor.xml");
    }

    @Test
    @DisplayName("an untrusted destination monitor cannot hold the source's send (M8)")
    void destinationMonitorCannotHoldTheSend() {
        assertLine(run, "H3 send to vault past a destination monitor that never forwards: no error, after ~0 us");
        assertLine(run, "H3 call to vault past the same monitor, 500 us receive timeout: "
                + "error 1 (timeout), phase receive, after ~500 us");
    }

    @Test
    @DisplayName("the send timeout is checked against the final receiver before a silent system monitor (M4)")
    void sendTimeoutCheckedBeforeTheSystemMonitor() {
        assertLine(run, "H3 send with a 300 us timeout to a thread that never receives, past a silent system monitor: "
                + "error 1 (timeout), phase send, after ~300 us");
    }

    @Test
    @DisplayName("a send held by a silent trusted monitor is ended by the source's own task (error 3)")
    void ownTaskEndsAHeldSend() {
        assertLine(run, "H3 send to a receiving server, held by a system monitor that never forwards, ended by the "
                + "client's own watchdog: error 3 (cancelled), phase send, after ~1000 us");
    }

    @Test
    @DisplayName("the scenario passes and shuts down with 0")
    void passes() {
        assertPassed(run, "H3");
    }
}
