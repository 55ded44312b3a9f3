package org.l4emu.kernel.monitors;

import static org.l4emu.kernel.monitors.Transcript.assertExitCode;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** The access-control monitor, guest-programs/src/mon_acl.c, in guest-programs/systems/access_control.xml. */
@DisplayName("Access-control monitor")
class AccessControlTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("access_control.xml");
    }

    @Test
    @DisplayName("M3: denied requests fail with error 8 and the monitor's code in ErrorCode; the others succeed")
    void deniedRequestsFail() {
        assertLinesStartingWith(run, "client:",
                "client: request 1, label 0x10: no error",
                "client: request 2, label 0x11: no error",
                "client: request 3, label 0x12: error 8 (monitor error), phase send, ErrorCode 0xac1",
                "client: request 4, label 0x10: no error",
                "client: request 5, label 0x13: error 8 (monitor error), phase send, ErrorCode 0xac1");
        assertLinesStartingWith(run, "acl:",
                "acl: refusing label 0x12 from client with code 0xac1",
                "acl: refusing label 0x13 from client with code 0xac1");
    }

    @Test
    @DisplayName("M3: denied requests never reach the server")
    void deniedRequestsNotDelivered() {
        assertLinesStartingWith(run, "server:",
                "server: label 0x10 from client, words 1, dope 0x0",
                "server: label 0x11 from client, words 2, dope 0x0",
                "server: label 0x10 from client, words 4, dope 0x0");
        assertExitCode(run, 0);
    }
}
