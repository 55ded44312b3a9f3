package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md R1 with rules added and removed at run time by the redirect system call. */
@DisplayName("R1 Redirection rules at run time")
class R1RuntimeRulesTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r1_runtime_rules.xml");
    }

    @Test
    @DisplayName("R1: only the IPC sent while the rule exists passes the monitor")
    void ruleLifetime() {
        assertLinesStartingWith(run, "R1 monitor:", "R1 monitor: label 0x72 from client passed the monitor");
        assertLinesStartingWith(run, "server:",
                "server: label 0x71 from client, words (none), dope 0x0",
                "server: label 0x72 from client, words (none), dope 0x0",
                "server: label 0x73 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("R1: the redirect call checks privilege, op, rule existence and threads")
    void refusals() {
        assertInOrder(run,
                "R1 controller: add client -> server via monitor (system class): 0",
                "R1 controller: remove that rule: 0",
                "R1 controller: remove it again: 9",
                "R1 controller: an undefined op: 9",
                "R1 controller: an unknown monitor thread: 2",
                "R1 client: redirect from an unprivileged task: 6");
    }

    @Test
    @DisplayName("R1: like a <redirect> element, the call takes a monitor of the rule's own source or destination task")
    void monitorsOfTheRulesOwnTasks() {
        assertInOrder(run,
                "R1 controller: add a rule whose monitor is of its own source task: 0",
                "R1 controller: add a rule whose monitor is of its own destination task: 0",
                "R1 controller: remove both: 0");
    }

    @Test
    @DisplayName("R1: the scenario passes")
    void passes() {
        assertPassed(run, "R1");
    }
}
