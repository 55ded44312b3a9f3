package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M1, through guest-programs/src/m1_blocked_until_delivery.c. */
@DisplayName("M1 Blocked until final delivery")
class M1BlockedUntilDeliveryTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m1_blocked_until_delivery.xml");
    }

    @Test
    @DisplayName("M1: the source stays blocked while a monitor holds its IPC 2000 us, not released at monitor receipt")
    void blockedWhileMonitorHolds() {
        assertLine(run, "M1 client: send through a monitor that waits 2000 us before forwarding: no error, after ~2000 us");
        assertLine(run, "M1 client: the send took at least the monitor's 2000 us: yes");
    }

    @Test
    @DisplayName("M1: the source is released no earlier than the final destination received")
    void releasedAtDelivery() {
        assertLine(run, "M1 client: the send returned no earlier than the server received: yes");
    }

    @Test
    @DisplayName("M1: a monitor's forward completes when its next hop receives, as an ordinary IPC")
    void forwardIsOrdinaryIpc() {
        assertInOrder(run,
                "M1 fast: forward to busy, which is not yet receiving: no error",
                "M1 fast: the forward completed only once busy started receiving: yes",
                "server2: label 0x12 from client, words (none), dope 0x0",
                "M1 client: send through fast and busy: no error",
                "M1 client: that send completed only once busy started receiving: yes");
    }

    @Test
    @DisplayName("M1: the scenario passes")
    void passes() {
        assertPassed(run, "M1");
    }
}
