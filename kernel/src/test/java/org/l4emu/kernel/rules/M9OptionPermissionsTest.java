package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M9 (and R3 for deceit by non-monitors), through guest-programs/src/m9_option_permissions.c. */
@DisplayName("M9 Who may send options 1, 2 and 3")
class M9OptionPermissionsTest {
    private static final String REFUSED_AT_ONCE = ": error 6 (not permitted), phase send, after ~0 us";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m9_option_permissions.xml");
    }

    @Test
    @DisplayName("M9: options 1, 2 and 3 from a thread that is no monitor get error 6 at once")
    void nonMonitor() {
        assertLine(run, "M9 outsider: option 3 to the blocked client" + REFUSED_AT_ONCE);
        assertLine(run, "M9 outsider: option 1 to the blocked client" + REFUSED_AT_ONCE);
        assertLine(run, "M9 outsider: option 2 to holder" + REFUSED_AT_ONCE);
    }

    @Test
    @DisplayName("M9: options 1, 2 and 3 from a monitor not on the blocked source's path get error 6 at once")
    void monitorOfAnotherPath() {
        assertLine(run, "M9 othermon: option 3 to the client, whose path it is not on" + REFUSED_AT_ONCE);
        assertLine(run, "M9 othermon: option 1 to the client" + REFUSED_AT_ONCE);
        assertLine(run, "M9 othermon: option 2 to holder" + REFUSED_AT_ONCE);
    }

    @Test
    @DisplayName("M9: options 1 and 3 to a thread that is not a blocked source get error 6 at once and never wait")
    void notABlockedSource() {
        assertLine(run, "M9 holder: option 3 to a thread in a receive, not a blocked source" + REFUSED_AT_ONCE);
        assertLine(run, "M9 holder: option 1 to a thread that is not blocked" + REFUSED_AT_ONCE);
        assertLine(run, "M9 holder: option 3 to the server, in an open wait" + REFUSED_AT_ONCE);
    }

    @Test
    @DisplayName("M9: option 2 to a monitor that is not on the IPC's path gets error 6 at once; to no thread, error 2")
    void notificationOffPath() {
        assertLine(run, "M9 holder: option 2 to othermon, not on the client's path" + REFUSED_AT_ONCE);
        assertLine(run, "M9 holder: option 2 to a thread that does not exist, an ordinary send to no partner:"
                + " error 2 (no partner), phase send, after ~0 us");
    }

    @Test
    @DisplayName("M9/R3: deceit by a thread that is no monitor gets error 6 at once")
    void deceitByNonMonitor() {
        assertLine(run, "M9 outsider: deceit as client (option 4)" + REFUSED_AT_ONCE);
        assertLine(run, "M9 outsider: deceit as client with itself controlling (option 6)" + REFUSED_AT_ONCE);
        assertLine(run, "M9 outsider: deceit as client naming it blocked source (option 7)" + REFUSED_AT_ONCE);
    }

    @Test
    @DisplayName("M9: unauthorised deceit, unblocking and error IPC change nothing")
    void nothingChanges() {
        assertInOrder(run,
                "M9 holder: forwarding the client's message: no error",
                "server: label 0x91 from client, words (none), dope 0x0",
                "M9 client: send held by holder: no error",
                "M9 client: released only when holder forwarded: yes");
        assertLinesStartingWith(run, "server:", "server: label 0x91 from client, words (none), dope 0x0");
        assertLine(run, "M9 receiver: its closed wait on idle: error 1 (timeout), phase receive, after ~2000 us");
    }

    @Test
    @DisplayName("M9: the scenario passes")
    void passes() {
        assertPassed(run, "M9");
    }
}
