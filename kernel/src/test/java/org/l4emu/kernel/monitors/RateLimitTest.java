package org.l4emu.kernel.monitors;

import static org.l4emu.kernel.monitors.Transcript.assertExitCode;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** The rate-limiting monitor, guest-programs/src/mon_rate.c, in guest-programs/systems/rate_limit.xml. */
@DisplayName("Rate-limiting monitor")
class RateLimitTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("rate_limit.xml");
    }

    @Test
    @DisplayName("M1: two sends per 1000 us window complete; the others stay blocked until the next window")
    void twoPerWindow() {
        assertLinesStartingWith(run, "client: message",
                "client: message 1: no error, completed in window 0",
                "client: message 2: no error, completed in window 0",
                "client: message 3: no error, completed in window 1",
                "client: message 4: no error, completed in window 1",
                "client: message 5: no error, completed in window 2",
                "client: message 6: no error, completed in window 2");
        assertLinesStartingWith(run, "rate:",
                "rate: message 3 held until window 1",
                "rate: message 5 held until window 2");
    }

    @Test
    @DisplayName("R4: the server receives every message, in order, from the client")
    void everythingDelivered() {
        assertLinesStartingWith(run, "server:",
                "server: label 0x7a from client, words 1, dope 0x0",
                "server: label 0x7a from client, words 2, dope 0x0",
                "server: label 0x7a from client, words 3, dope 0x0",
                "server: label 0x7a from client, words 4, dope 0x0",
                "server: label 0x7a from client, words 5, dope 0x0",
                "server: label 0x7a from client, words 6, dope 0x0");
        assertExitCode(run, 0);
    }
}
