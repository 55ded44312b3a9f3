package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertNoLineContaining;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;
import static org.l4emu.kernel.monitors.Transcript.linesStartingWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md R1, through guest-programs/systems/r1_path_order.xml: every monitor logs. */
@DisplayName("R1 Path order")
class R1PathOrderTest {
    private static final String FIRST_HOP = "dope 0x10 (R)";
    private static final String FORWARDED = "dope 0x39 (R D option 4)";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r1_path_order.xml");
    }

    @Test
    @DisplayName("R1: source-class monitors, then system, then destination, each class in rule order")
    void pathOrder() {
        assertLinesStartingWith(run, "log ",
                "log src_a: client -> server, label 0x1, " + FIRST_HOP,
                "log src_b: client -> server, label 0x1, " + FORWARDED,
                "log sys_b: client -> server, label 0x1, " + FORWARDED,
                "log sys_a: client -> server, label 0x1, " + FORWARDED,
                "log dst_a: client -> server, label 0x1, " + FORWARDED,
                "log sys_a: client -> other, label 0x2, " + FIRST_HOP);
    }

    @Test
    @DisplayName("R1: a monitor named by two rules of different classes is on the path once, in the earlier class")
    void eachMonitorOnce() {
        assertEquals(1, linesStartingWith(run, "log sys_b:").size());
    }

    @Test
    @DisplayName("R1: rules for another source or another destination add nothing to the path")
    void onlyMatchingRules() {
        assertNoLineContaining(run, "log unrelated");
        assertEquals(1, linesStartingWith(run, "log sys_a: client -> other").size());
    }

    @Test
    @DisplayName("R1: the destination receives after the whole path, from the true source")
    void destinationLast() {
        assertInOrder(run,
                "log dst_a: client -> server, label 0x1, " + FORWARDED,
                "server: label 0x1 from client, words (none), dope 0x0",
                "log sys_a: client -> other, label 0x2, " + FIRST_HOP,
                "other: label 0x2 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("R1: both sends succeed and the scenario passes")
    void passes() {
        assertPassed(run, "R1");
    }
}
