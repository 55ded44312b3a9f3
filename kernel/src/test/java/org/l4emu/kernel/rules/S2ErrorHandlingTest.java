package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md S2, through guest-programs/src/s2_dead_partner.c. */
@DisplayName("S2 Error handling")
class S2ErrorHandlingTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s2_dead_partner.xml");
    }

    @Test
    @DisplayName("S2: a closed wait on a thread that exits gets error 2 in the receive phase")
    void closedWaitOnExitingThread() {
        assertLine(run, "S2 closed wait on a thread that exits without sending: error 2 (no partner), phase receive");
    }

    @Test
    @DisplayName("S2: a send to a thread that has exited gets error 2 in the send phase")
    void sendToExitedThread() {
        assertLine(run, "S2 closed wait on a thread that sends, then exits: no error");
        assertLine(run, "S2 send to a thread that has exited: error 2 (no partner), phase send");
    }

    @Test
    @DisplayName("S2: a call to a thread that has exited fails at once in the send phase")
    void callToExitedThread() {
        assertLine(run, "S2 call to a thread that has exited: error 2 (no partner), phase send, after ~0 us");
    }

    @Test
    @DisplayName("S2: a send to a thread number that does not exist gets error 2")
    void sendToNonexistentThread() {
        assertLine(run, "S2 send to a thread number that does not exist: error 2 (no partner), phase send");
    }

    @Test
    @DisplayName("S2: a send to a live thread's number with the wrong version gets error 2")
    void sendToStaleVersion() {
        assertLine(run, "S2 send to a live thread's number with the wrong version: error 2 (no partner), phase send");
    }

    @Test
    @DisplayName("S2: a closed wait on a thread number that does not exist gets error 2 in the receive phase")
    void closedWaitOnNonexistentThread() {
        assertLine(run, "S2 closed wait on a thread number that does not exist: error 2 (no partner), phase receive");
    }

    @Test
    @DisplayName("S2: a send still waiting when its receiver exits gets error 2 in the send phase")
    void pendingSendToExitingReceiver() {
        assertLine(run, "S2 send to the victim while it lives: no error");
        assertLine(run, "S2 send still waiting when the receiver exits: error 2 (no partner), phase send");
    }

    @Test
    @DisplayName("S2: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S2");
    }
}
