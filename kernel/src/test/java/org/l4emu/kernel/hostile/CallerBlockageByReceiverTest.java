package org.l4emu.kernel.hostile;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** MINIX 3 threat class "caller blockage": a receiver that never receives (guest-programs/src/hostile_never_receives.c). */
@DisplayName("Caller blockage by a receiver that never receives")
class CallerBlockageByReceiverTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = CheckedRun.boot("hostile_never_receives.xml");
    }

    @Test
    @DisplayName("a send or call with a send timeout ends exactly at its timeout")
    void sendTimeoutBoundsTheSender() {
        assertLine(run, "H1 send with a 500 us timeout to a receiver that never receives: "
                + "error 1 (timeout), phase send, after ~500 us");
        assertLine(run, "H1 call with a 500 us send timeout to a receiver that never receives: "
                + "error 1 (timeout), phase send, after ~500 us");
        assertLine(run, "H1 zero-timeout send to a receiver that never receives: "
                + "error 1 (timeout), phase send, after ~0 us");
    }

    @Test
    @DisplayName("a server that takes the call but never replies holds the caller only for its receive timeout")
    void receiveTimeoutBoundsTheCaller() {
        assertLine(run, "H1 call with an 800 us receive timeout to a server that never replies: "
                + "error 1 (timeout), phase receive, after ~800 us");
    }

    @Test
    @DisplayName("a send without a timeout is ended by the sender's own task (exchange_registers: error 3)")
    void ownTaskEndsAnEndlessSend() {
        assertLine(run, "H1 send without a timeout to a receiver that never receives, ended by the client's own "
                + "watchdog: error 3 (cancelled), phase send, after ~1000 us");
    }

    @Test
    @DisplayName("the scenario passes and shuts down with 0")
    void passes() {
        assertPassed(run, "H1");
    }
}
