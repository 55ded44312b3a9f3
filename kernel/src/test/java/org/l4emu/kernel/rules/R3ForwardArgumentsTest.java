package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md R3, the forward's arguments, through guest-programs/src/r3_forward_arguments.c:
 * no parameter block is error 9, a missing destination or true source error 2, a destination
 * monitor off the new destination's path error 6, and refused deceit delivers nothing.
 */
@DisplayName("R3 Deceit, a forward's arguments")
class R3ForwardArgumentsTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r3_forward_arguments.xml");
    }

    @Test
    @DisplayName("R3: options 4-7 without a parameter block are error 9")
    void noParameterBlock() {
        assertLine(run, "R3 mons: option 4 without a parameter block: error 9 (invalid argument), phase send");
        assertLine(run, "R3 mons: option 7 without a parameter block: error 9 (invalid argument), phase send");
    }

    @Test
    @DisplayName("R3: a true source or destination that does not exist is error 2")
    void missingThreads() {
        assertLine(run, "R3 mons: option 4 claiming a true source that does not exist: error 2 (no partner), phase send");
        assertLine(run, "R3 mons: option 4 to a destination that does not exist: error 2 (no partner), phase send");
    }

    @Test
    @DisplayName("R3: a destination monitor may forward only to destinations whose path from the source holds it")
    void destinationMonitorStaysOnItsPaths() {
        assertLine(run, "R3 mons.dst: a destination monitor forwarding to server, whose path from client does not hold it:"
                + " error 6 (not permitted), phase send");
        assertLine(run, "R3 mons.dst: the honest forward: no error");
    }

    @Test
    @DisplayName("R3: refused deceit delivers nothing: each server gets the honest forward only")
    void refusedDeceitDeliversNothing() {
        assertEquals(1, run.lines().stream().filter(line -> line.startsWith("server: ")).count(), run.console());
        assertLine(run, "server: label 0x21 from client, words (none), dope 0x0");
        assertEquals(1, run.lines().stream().filter(line -> line.startsWith("server2: ")).count(), run.console());
        assertLine(run, "server2: label 0x22 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("R3: the scenario passes")
    void passes() {
        assertPassed(run, "R3");
    }
}
