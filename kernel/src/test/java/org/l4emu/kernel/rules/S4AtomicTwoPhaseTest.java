package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md S4, through guest-programs/src/s4_atomic_call.c. */
@DisplayName("S4 Two-phase IPC is atomic")
class S4AtomicTwoPhaseTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s4_atomic_call.xml");
    }

    @Test
    @DisplayName("S4: a callee's zero-timeout reply sent right after receipt never fails")
    void zeroTimeoutReplyRightAfterReceipt() {
        for (int call = 1; call <= 3; call++) {
            assertLine(run, "S4 call " + call + ", answered by a zero-timeout send right after receipt: no error");
        }
        assertLine(run, "S4 replies to those calls: 101 102 103");
        assertLine(run, "S4 zero-timeout replies that failed at the server: 0");
    }

    @Test
    @DisplayName("S4: a reply-and-wait server is ready for the same client's next zero-timeout call at once")
    void replyAndWaitReadyForSameClient() {
        assertLine(run, "S4 call answered by reply-and-wait: no error");
        assertLine(run, "S4 zero-timeout call right after the reply-and-wait: no error");
    }

    @Test
    @DisplayName("S4: a reply-and-wait server is ready for another client's zero-timeout call")
    void replyAndWaitReadyForAnotherClient() {
        assertLine(run, "S4 another client's zero-timeout call right after: no error");
    }

    @Test
    @DisplayName("S4: a call whose send phase fails at once has no receive phase")
    void failingZeroTimeoutSendPhaseEndsTheCall() {
        assertLine(run, "S4 call whose zero-timeout send phase fails: error 1 (timeout), phase send, after ~0 us");
    }

    @Test
    @DisplayName("S4: a call whose send timeout expires ends then, with no receive phase")
    void expiringSendPhaseEndsTheCall() {
        assertLine(run, "S4 call whose 300 us send timeout expires: error 1 (timeout), phase send, after ~300 us");
    }

    @Test
    @DisplayName("S4: the receive timeout runs from the start of the receive phase, not from the call")
    void receiveTimeoutRunsFromReceivePhase() {
        assertLine(run, "S4 300 us receive timeout, callee receives after 400 us and replies 200 us later: no error");
        assertLine(run, "S4 300 us receive timeout, callee receives after 400 us and replies 500 us later: "
                + "error 1 (timeout), phase receive, after ~700 us");
    }

    @Test
    @DisplayName("S4: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S4");
    }
}
