package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M1 and S2 when a monitor dies, through guest-programs/src/m1_monitor_dies.c. */
@DisplayName("M1 Blocked source when its monitor dies")
class M1MonitorDiesTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m1_monitor_dies.xml");
    }

    @Test
    @DisplayName("M1: a monitor that dies holding the IPC ends the source's send with error 2, not a deadlock")
    void holderDies() {
        assertInOrder(run,
                "M1 dying: holding the message, exiting without forwarding it",
                "M1 send whose monitor dies holding it: error 2 (no partner), phase send");
    }

    @Test
    @DisplayName("M1: a source held for a controlling monitor that dies is released: its message was delivered")
    void controllerDies() {
        assertInOrder(run,
                "M1 controller: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client, "
                        + "true source client, final receiver victim2, error 0",
                "M1 controller: exiting without unblocking the source",
                "M1 send held for a controlling monitor that dies: no error");
        assertInOrder(run, "victim2: label 0x62 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("S2: a path through a dead system monitor fails at once with error 2, also when D is not receiving")
    void deadSystemMonitorAheadOfAnUnreadyDestination() {
        assertInOrder(run, "S2 send through a dead system monitor to a thread not receiving: error 2 (no partner),"
                + " phase send, after ~0 us");
    }

    @Test
    @DisplayName("M1: the scenario passes and ends normally")
    void passes() {
        assertPassed(run, "M1");
    }
}
