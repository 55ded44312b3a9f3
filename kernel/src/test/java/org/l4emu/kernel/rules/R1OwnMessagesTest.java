package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md R1, through guest-programs/src/r1_own_messages.c: a monitor is never on the
 * path of its own messages, while its rule still applies to the other threads of its task; rules
 * may name monitors of their own source and destination tasks.
 */
@DisplayName("R1 A monitor is not on the path of its own messages")
class R1OwnMessagesTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r1_own_messages.xml");
    }

    @Test
    @DisplayName("R1: the client's send passes its own task's monitor, the system monitor and the server's own task's monitor")
    void fullPath() {
        assertLine(run, "R1 client.guard: client -> server, label 0x10, dope 0x10 (R)");
        assertLine(run, "R1 mon: client -> server, label 0x10, dope 0x39 (R D option 4)");
        assertLine(run, "R1 server.front: client -> server, label 0x10, dope 0x39 (R D option 4)");
        assertLine(run, "R1 server, round 1: label 0x10 from client, dope 0x0");
    }

    @Test
    @DisplayName("R1: each monitor's own send skips its own rule and passes the others")
    void ownRulesSkipped() {
        assertLine(run, "R1 mon: client.guard -> server, label 0x11, dope 0x10 (R)");
        assertLine(run, "R1 server, round 2: label 0x11 from client.guard, dope 0x0");
        assertLine(run, "R1 server.front: mon -> server, label 0x12, dope 0x10 (R)");
        assertLine(run, "R1 mon: send to server: no error");
        assertLine(run, "R1 server, round 3: label 0x12 from mon, dope 0x0");
        assertLine(run, "R1 mon: server.front -> server, label 0x14, dope 0x10 (R)");
        assertLine(run, "R1 server, round 5: label 0x14 from server.front, dope 0x0");
    }

    @Test
    @DisplayName("R1: the rule names the monitor thread, not its task: a sibling's send passes the monitor")
    void siblingIsMonitored() {
        assertLine(run, "R1 mon: mon.peer -> server, label 0x13, dope 0x10 (R)");
        assertLine(run, "R1 server, round 4: label 0x13 from mon.peer, dope 0x0");
    }

    @Test
    @DisplayName("R1: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "R1");
    }
}
