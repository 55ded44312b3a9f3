package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md S1, through guest-programs/src/s1_reliability.c. */
@DisplayName("S1 Reliability")
class S1ReliabilityTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s1_reliability.xml");
    }

    @Test
    @DisplayName("S1: a send to a receiver that is not yet receiving completes without error")
    void sendCompletes() {
        assertLine(run, "S1 send to a receiver that sleeps 1000 us before receiving: no error");
    }

    @Test
    @DisplayName("S1: the receiver gets the message intact")
    void messageArrivesIntact() {
        assertLine(run, "S1 the receiver got: ok, label 0x51, 3 words: 11 22 33");
    }

    @Test
    @DisplayName("S1: the send returns only after the receiver has started receiving")
    void sendReturnsAfterReceipt() {
        assertLine(run, "S1 the send returned after the receiver started receiving: yes");
    }

    @Test
    @DisplayName("S1: the sender stays blocked while the receiver sleeps")
    void senderStaysBlocked() {
        assertLine(run, "S1 the sender stayed blocked while the receiver slept: yes");
    }

    @Test
    @DisplayName("S1: a send that times out fails at its timeout and delivers nothing")
    void failedSendDeliversNothing() {
        assertLine(run, "S1 send with a 300 us timeout to a receiver asleep for 1000 us: "
                + "error 1 (timeout), phase send, after ~300 us");
        assertLine(run, "S1 the receiver's zero-timeout receive after it woke up: error 1 (timeout), phase receive");
    }

    @Test
    @DisplayName("S1: a send cancelled by the sender's own task fails at once and delivers nothing")
    void cancelledSendDeliversNothing() {
        assertLine(run, "S1 send without a timeout, cancelled by the sender's own task after 300 us: "
                + "error 3 (cancelled), phase send, after ~300 us");
        assertLine(run, "S1 the receiver's zero-timeout receive after the cancelled send: error 1 (timeout), phase receive");
    }

    @Test
    @DisplayName("S1: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S1");
    }
}
