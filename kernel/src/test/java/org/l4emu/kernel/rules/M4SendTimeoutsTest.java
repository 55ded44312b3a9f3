package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M4, through guest-programs/src/m4_send_timeouts.c. */
@DisplayName("M4 Send timeouts against the final receiver")
class M4SendTimeoutsTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m4_send_timeouts.xml");
    }

    @Test
    @DisplayName("M4: a zero send timeout to a ready destination succeeds although the system monitor is not yet waiting")
    void zeroTimeoutPastSystemMonitor() {
        assertLine(run, "M4 a: zero send timeout, server ready, system monitor not yet waiting: no error, after ~900 us");
    }

    @Test
    @DisplayName("M4: with the destination not ready, the source gets error 1 at its send timeout")
    void destinationNotReady() {
        assertLine(run, "M4 b: 500 us send timeout, server working: error 1 (timeout), phase send, after ~500 us");
        assertLine(run, "M4 b: zero send timeout, server working: error 1 (timeout), phase send, after ~0 us");
    }

    @Test
    @DisplayName("M4: an IPC that times out before the check is never seen by the system monitor")
    void monitorNeverSeesTimedOutIpc() {
        assertLinesStartingWith(run, "M4 sysmon:",
                "M4 sysmon: client -> server, label 0x4a, dope 0x10 (R)",
                "M4 sysmon: client -> server, label 0x4c, dope 0x10 (R)",
                "M4 sysmon: client2 -> server, label 0xd3, dope 0x39 (R D option 4)");
    }

    @Test
    @DisplayName("M4: the IPC waits for the destination and reaches the system monitor only once it is ready")
    void waitsForDestination() {
        assertInOrder(run,
                "M4 server: label 0x4a from client, words (none), dope 0x0",
                "M4 server: waiting",
                "M4 sysmon: client -> server, label 0x4c, dope 0x10 (R)",
                "M4 server: label 0x4c from client, words (none), dope 0x0",
                "M4 c: 5000 us send timeout, server ready within it: no error");
    }

    @Test
    @DisplayName("M4: a source monitor takes the IPC at once; the source's timeout counts from its forward, and both get error 1")
    void checkAfterSourceMonitor() {
        assertInOrder(run,
                "M4 srcmon: forward of label 0xd1: error 1 (timeout), phase send",
                "M4 d1: 500 us send timeout through a source monitor that holds it 1000 us, server working: "
                        + "error 1 (timeout), phase send, after ~1500 us");
        assertInOrder(run,
                "M4 srcmon: forward of label 0xd2: error 1 (timeout), phase send",
                "M4 d2: zero send timeout through the source monitor, server working: "
                        + "error 1 (timeout), phase send, after ~1000 us");
    }

    @Test
    @DisplayName("M4: a zero send timeout through a source monitor succeeds when the destination is ready at its forward")
    void zeroTimeoutThroughSourceMonitor() {
        assertInOrder(run,
                "M4 srcmon: forward of label 0xd3: no error",
                "M4 sysmon: client2 -> server, label 0xd3, dope 0x39 (R D option 4)",
                "M4 server: label 0xd3 from client2, words (none), dope 0x0",
                "M4 d3: zero send timeout through the source monitor, server ready: no error, after ~1000 us");
    }

    @Test
    @DisplayName("M4: the scenario passes")
    void passes() {
        assertPassed(run, "M4");
    }
}
