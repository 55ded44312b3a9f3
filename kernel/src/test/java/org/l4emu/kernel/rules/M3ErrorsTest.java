package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md M3, through guest-programs/src/m3_errors.c; the access-control monitor of
 * {@link org.l4emu.kernel.monitors.AccessControlTest} uses option 1 too.
 */
@DisplayName("M3 Errors")
class M3ErrorsTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m3_errors.xml");
    }

    @Test
    @DisplayName("M3: a forward to a dead thread fails at the monitor with error 2; option 1 gives the source error 8 and that code")
    void deadDestination() {
        assertInOrder(run,
                "M3 gate: forward to corpse, which has exited: error 2 (no partner), phase send",
                "M3 gate: option 1 to the client with code 0x2: no error",
                "M3 client: send the gate redirects to a dead thread: error 8 (monitor error), phase send",
                "M3 client: send the gate redirects to a dead thread, ErrorCode: 2");
    }

    @Test
    @DisplayName("M3: option 1 ends the blocked source's send with error 8 and MR1 in its ErrorCode")
    void refusal() {
        assertInOrder(run,
                "M3 gate: option 1 to the client with code 0x1234: no error",
                "M3 client: send the gate refuses: error 8 (monitor error), phase send",
                "M3 client: send the gate refuses, ErrorCode: 4660");
    }

    @Test
    @DisplayName("M3: a forward is an ordinary send under the monitor's own timeout; its timeout goes to the monitor")
    void forwardTimesOut() {
        assertInOrder(run,
                "M3 server: label 0x34 from rival, words (none), dope 0x0",
                "M3 gate: forward with a 200 us send timeout to the busy server: error 1 (timeout), phase send",
                "M3 gate: option 1 to the client with code 0x1: no error",
                "M3 client: send whose forward times out: error 8 (monitor error), phase send",
                "M3 client: send whose forward times out, ErrorCode: 1");
    }

    @Test
    @DisplayName("M3: only the forwarded message reached the server")
    void nothingElseDelivered() {
        assertLinesStartingWith(run, "M3 server: label",
                "M3 server: label 0x30 from client, words (none), dope 0x0",
                "M3 server: label 0x34 from rival, words (none), dope 0x0");
    }

    @Test
    @DisplayName("M3: the scenario passes")
    void passes() {
        assertPassed(run, "M3");
    }
}
