package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md P1, through guest-programs/src/p1_allow_rules.c. */
@DisplayName("P1 IPC permission")
class P1AllowRulesTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("p1_allow_rules.xml");
    }

    @Test
    @DisplayName("P1: a task with allow rules may send to their destinations")
    void allowedDestination() {
        assertLine(run, "P1 client: send to server, allowed: no error");
        assertLinesStartingWith(run, "server:", "server: label 0x1 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("P1: other sends fail with error 6 at once, with no receive phase, and deliver nothing")
    void otherDestination() {
        assertLine(run, "P1 client: send to other, not allowed: error 6 (not permitted), phase send, after ~0 us");
        assertLine(run, "P1 client: call to other, not allowed: error 6 (not permitted), phase send, after ~0 us");
        assertLinesStartingWith(run, "other:", "other: label 0x4 from free, words (none), dope 0x0");
    }

    @Test
    @DisplayName("P1: a send routed to a monitor is the monitor's to decide")
    void monitorDecides() {
        assertInOrder(run,
                "P1 gate: forwarding to the vault: no error",
                "vault: label 0x2 from client, words (none), dope 0x0",
                "P1 client: send to vault, not allowed but routed to gate, which forwards it: no error",
                "P1 gate: refusing the secret with option 1: no error",
                "P1 client: send to vault that gate refuses: error 8 (monitor error), phase send",
                "P1 client: send to vault that gate refuses, ErrorCode: 6");
    }

    @Test
    @DisplayName("P1: a task without allow rules may send anywhere")
    void noAllowRules() {
        assertLine(run, "P1 free: send to other, with no allow rules: no error");
    }

    @Test
    @DisplayName("P1: the scenario passes")
    void passes() {
        assertPassed(run, "P1");
    }
}
