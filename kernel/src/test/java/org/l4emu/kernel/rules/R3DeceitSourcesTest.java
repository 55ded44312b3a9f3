package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md R3 as amended for options 5 and 7 (issue 12 item 3), through
 * guest-programs/src/r3_deceit_sources.c: unrelated true and blocked sources are refused.
 */
@DisplayName("R3 Deceit with a named blocked source")
class R3DeceitSourcesTest {
    private static final String FORWARDS = "R3 sysmon forwards to server with ";
    private static final String REFUSED = ": error 6 (not permitted), phase send";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r3_deceit_sources.xml");
    }

    @Test
    @DisplayName("R3: options 5 and 7 may not claim a true source whose path does not hold the forwarder")
    void unrelatedTrueSource() {
        assertLine(run, FORWARDS + "option 5, claiming bystander as true source, client as blocked source" + REFUSED);
        assertLine(run, FORWARDS + "option 7, claiming bystander as true source, client as blocked source" + REFUSED);
        assertLine(run, FORWARDS + "option 4, claiming bystander as true source" + REFUSED);
        assertLine(run, FORWARDS + "option 5, claiming other (held by othermon) as true source, client as blocked source"
                + REFUSED);
    }

    @Test
    @DisplayName("R3: the blocked source of option 5 or 7 must be blocked in an IPC whose path holds the forwarder")
    void unrelatedBlockedSource() {
        assertLine(run, FORWARDS + "option 5, client as true source, bystander (in no IPC) as blocked source" + REFUSED);
        assertLine(run, FORWARDS + "option 5, client as true source, other (blocked in an IPC othermon holds) as blocked"
                + " source" + REFUSED);
        assertLine(run, FORWARDS + "option 7, client as true source, other as blocked source" + REFUSED);
    }

    @Test
    @DisplayName("R3: the honest forward is delivered, and it is the first message the server sees")
    void honestForward() {
        assertLine(run, FORWARDS + "option 5, client as true and blocked source: no error");
        assertLine(run, "R3 server: first message: label 0x31 from client, dope 0x0");
        assertLine(run, "R3 client: call to server through sysmon: no error");
    }

    @Test
    @DisplayName("R3: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "R3");
    }
}
