package org.l4emu.kernel.hostile;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** MINIX 3 threat class "caller blockage": a client that dies mid-call (guest-programs/src/hostile_dying_client.c). */
@DisplayName("Caller blockage by a client that dies mid-call")
class CallerBlockageByDyingClientTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = CheckedRun.boot("hostile_dying_client.xml");
    }

    @Test
    @DisplayName("a reply to a client that died fails at once, whatever its timeout (S2)")
    void replyToTheDeadFailsAtOnce() {
        assertLine(run, "H5 reply to a client deleted while the server held its call: "
                + "error 2 (no partner), phase send, after ~0 us");
        assertLine(run, "H5 the same reply without a send timeout: error 2 (no partner), phase send, after ~0 us");
    }

    @Test
    @DisplayName("a closed wait on a client ends when the client dies (S2)")
    void closedWaitEndsWithTheClient() {
        assertLine(run, "H5 closed wait without a timeout on a client that is deleted 200 us later: "
                + "error 2 (no partner), phase receive, after ~200 us");
    }

    @Test
    @DisplayName("a dead client's queued message is withdrawn")
    void queuedMessageIsWithdrawn() {
        assertLine(run, "H5 open wait after a client died while its message waited in the queue: "
                + "error 1 (timeout), phase receive, after ~100 us");
    }

    @Test
    @DisplayName("a monitor forwarding for a client that died gets error 2 (M3)")
    void monitorLearnsOfTheDeath() {
        assertLine(run, "H5 the next message after held's call came from: gate");
        assertLine(run, "H5 the gate's forward of a call whose client was deleted while the gate held it: "
                + "error 2 (no partner), phase send");
    }

    @Test
    @DisplayName("a send whose path holds a deleted monitor fails at once, neither waiting nor slipping past it")
    void deadMonitorFailsClosed() {
        assertLine(run, "H5 a send with a 300 us timeout whose path holds a monitor that was deleted: "
                + "error 2 (no partner), phase send, after ~0 us");
    }

    @Test
    @DisplayName("the scenario passes and shuts down with 0")
    void passes() {
        assertPassed(run, "H5");
    }
}
