package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md R3 (a forward is the monitor's own send), through guest-programs/src/r3_forward_timeout.c. */
@DisplayName("R3 A forward runs under the forwarding monitor's own timeouts")
class R3ForwardTimeoutTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r3_forward_timeout.xml");
    }

    @Test
    @DisplayName("R3: a source monitor's zero-timeout forward into a system monitor not yet receiving gets error 1")
    void sourceMonitorForwardTimesOut() {
        assertLine(run, "R3 srcmon: a forward with a zero send timeout while sysmon is not receiving: error 1 (timeout),"
                + " phase send");
        assertLine(run, "R3 srcmon: the same forward again, without a timeout: no error");
    }

    @Test
    @DisplayName("R3, M4: the source's own send is not bound by its monitor's timeout, and arrives once")
    void sourceUnaffected() {
        assertLine(run, "R3 client: its send to server, through srcmon and sysmon: no error");
        assertLine(run, "R3 server: the client's message arrives once, from the client: yes");
        assertPassed(run, "R3");
    }
}
