package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertNoLineContaining;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md M4, a final delivery whose transfer fails, through
 * guest-programs/src/m4_failed_transfer.c (the scripted form: ScriptedPathRulesTest).
 */
@DisplayName("M4 A failed final transfer passes no check against the final receiver")
class M4FailedTransferTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m4_failed_transfer.xml");
    }

    @Test
    @DisplayName("M4: after a forward whose map item failed (S5), the next forward waits for its own final receiver "
            + "and the source's send timeout ends it")
    void nextForwardIsCheckedAgain() {
        assertInOrder(run,
                "M4 smon: forward with a map item to server1: error 4 (message overflow), phase send",
                "M4 server1: receive: error 4 (message overflow), phase receive, ErrorCode 0x4",
                "M4 e: 500 us send timeout, the first forward's transfer failed, the second waits for server2: "
                        + "error 1 (timeout), phase send, after ~500 us",
                "M4 smon: forward to server2: error 1 (timeout), phase send");
    }

    @Test
    @DisplayName("M4: the system monitor on the second path never sees the IPC")
    void systemMonitorSeesNothing() {
        assertNoLineContaining(run, "M4 sysmon");
    }

    @Test
    @DisplayName("M4: the scenario passes")
    void passes() {
        assertPassed(run, "M4");
    }
}
