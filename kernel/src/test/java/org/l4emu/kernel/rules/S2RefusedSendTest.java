package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md S2 (a closed waiter learns of its sender's failure), through guest-programs/src/s2_refused_send.c. */
@DisplayName("S2 A destination in a closed wait on the sender learns of the sender's failure")
class S2RefusedSendTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s2_refused_send.xml");
    }

    @Test
    @DisplayName("S2: the sender learns of the refusal (P1: 6, P2: 9) in its send phase")
    void senderLearns() {
        assertLine(run, "S2 sender: a send to closed, refused by the allow rule: error 6 (not permitted), phase send");
        assertLine(run, "S2 sender: a malformed message to closed2: error 9 (invalid argument), phase send");
    }

    @Test
    @DisplayName("S2: a destination in a closed wait on the sender gets the same error in its receive phase")
    void closedWaiterLearns() {
        assertLine(run, "S2 closed, in a closed wait on sender: error 6 (not permitted), phase receive");
        assertLine(run, "S2 closed2, in a closed wait on sender: error 9 (invalid argument), phase receive");
    }

    @Test
    @DisplayName("S2: a thread in an open wait is not told")
    void openWaiterNotTold() {
        assertLine(run, "S2 open, in an open wait: not told, its wait runs out: error 1 (timeout), phase receive");
        assertPassed(run, "S2");
    }
}
