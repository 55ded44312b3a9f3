package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md M6 and M9 as settled (issue 15), through guest-programs/src/m6_settled.c: every
 * ending is reported to the controlling monitor, which alone releases or ends the source.
 */
@DisplayName("M6 Controlled synchrony, settled details")
class M6SettledTest {
    private static final String NOTIFIED = "M6 ctl: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, "
            + "blocked source client, ";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m6_settled.xml");
    }

    @Test
    @DisplayName("M6: another monitor's option 1 is reported with 8 and the source held until the controller decides")
    void othersErrorIsReported() {
        assertLine(run, "M6 other: option 1 to the client: no error");
        assertLine(run, NOTIFIED + "true source client, final receiver server, error 8");
        assertLine(run, "M6 client: send with other's option 1 while ctl controls, then ctl's option 3: no error");
        assertLine(run, "M6 client: send with other's option 1 while ctl controls, then ctl's option 1: error 8"
                + " (monitor error), phase send, ErrorCode 0xc71");
    }

    @Test
    @DisplayName("M6, M5: a delay timeout is reported with 5; a path monitor's death with 2; the source stays held")
    void delayAndDeathAreReported() {
        assertLine(run, NOTIFIED + "true source client, final receiver server, error 5");
        assertLine(run, "M6 client: send with a delay timeout while ctl controls, then ctl's option 3: no error");
        assertLine(run, NOTIFIED + "true source client, final receiver server, error 2");
        assertLine(run, "M6 client: send with other dying while it holds the IPC, then ctl's option 1: error 8"
                + " (monitor error), phase send, ErrorCode 0xd1e");
    }

    @Test
    @DisplayName("M6: MR2 is the true source as the final receiver saw it")
    void claimedSource() {
        assertLine(run, NOTIFIED + "true source alias, final receiver server, error 0");
        assertLine(run, "M6 server: label 0x63 from alias");
    }

    @Test
    @DisplayName("M6: +8 must be the forwarder itself, and option 6 on a forward that holds no IPC is error 6")
    void controllerChecks() {
        assertLine(run, "M6 ctl: option 6 naming other as controlling monitor: error 6 (not permitted), phase send");
        assertLine(run, "M6 ctl: option 6 again, on a forward that holds no IPC: error 6 (not permitted), phase send");
    }

    @Test
    @DisplayName("M9: options 1 and 3 reach a source still waiting at the M4 readiness check")
    void optionsReachSourceAtM4() {
        assertLine(run, "M6 ctl: option 1 to the client waiting at the M4 check: no error");
        assertLine(run, "M6 client: send with ctl's option 1 while the client waits at the M4 check: error 8"
                + " (monitor error), phase send, ErrorCode 0xa4");
        assertLine(run, "M6 client: send with ctl's option 3 while the client waits at the M4 check: no error");
    }

    @Test
    @DisplayName("M6: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "M6");
    }
}
