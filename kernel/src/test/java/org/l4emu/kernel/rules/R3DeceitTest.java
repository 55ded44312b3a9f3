package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md R3, through guest-programs/src/r3_deceit.c. */
@DisplayName("R3 Deceit")
class R3DeceitTest {
    private static final String REFUSED_AT_ONCE = ": error 6 (not permitted), phase send, after ~0 us";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r3_deceit.xml");
    }

    @Test
    @DisplayName("R3: deceit by a monitor that is not on the claimed source's path gets error 6 at once")
    void monitorNotOnPath() {
        assertLine(run, "R3 rogue: deceit claiming client, by a monitor not on the client's path" + REFUSED_AT_ONCE);
        assertLine(run, "R3 fwd: deceit claiming a source whose IPC does not pass fwd" + REFUSED_AT_ONCE);
    }

    @Test
    @DisplayName("R3: option 5 naming a thread that is not blocked on a path holding the monitor gets error 6 at once")
    void blockedSourceNotOnPath() {
        assertLine(run, "R3 fwd: option 5 naming a thread that is not blocked" + REFUSED_AT_ONCE);
        assertLine(run, "R3 fwd: option 5 naming a thread blocked on a path without fwd" + REFUSED_AT_ONCE);
    }

    @Test
    @DisplayName("R3: a source monitor may forward only to destinations whose path holds it")
    void sourceMonitorDestinations() {
        assertLine(run, "R3 srcmon: source monitor forwarding to server, whose path does not hold it" + REFUSED_AT_ONCE);
        assertLine(run, "R3 srcmon: forwarding to the intended receiver: no error");
        assertLinesStartingWith(run, "server3:", "server3: label 0xb from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("R3: a monitor may forward two messages for one IPC; the source's send completes once")
    void twoForwards() {
        assertLine(run, "R3 fwd: first forward of the client's message: no error");
        assertLine(run, "R3 fwd: second forward of the same message: no error");
        assertLine(run, "R3 client: send that fwd forwards twice: no error");
    }

    @Test
    @DisplayName("R3: refused deceit delivers nothing; the server gets exactly the two forwards")
    void refusedDeceitDeliversNothing() {
        assertLinesStartingWith(run, "server:",
                "server: label 0xa from client, words (none), dope 0x0",
                "server: label 0xa from client, words (none), dope 0x0");
        assertLinesStartingWith(run, "server2:", "server2: label 0xc from waiter, words (none), dope 0x0");
    }

    @Test
    @DisplayName("R3: the scenario passes")
    void passes() {
        assertPassed(run, "R3");
    }
}
