package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md R4 for every option a monitor may forward with, through
 * guest-programs/src/r4_options_invisible.c. The comparison with and without monitors is in
 * {@link org.l4emu.kernel.monitors.TransparencyTest}.
 */
@DisplayName("R4 Transparency of options")
class R4OptionsInvisibleTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r4_options_invisible.xml");
    }

    @Test
    @DisplayName("R4: the destination sees from = source, the same words and dope 0 whatever option was used")
    void destinationSeesPlainMessage() {
        assertLinesStartingWith(run, "server:",
                "server: label 0x40 from client, words 7 8 9, dope 0x0",
                "server: label 0x41 from client, words 7 8 9, dope 0x0",
                "server: label 0x42 from client, words 7 8 9, dope 0x0",
                "server: label 0x43 from client, words 7 8 9, dope 0x0",
                "server: label 0x44 from client, words 7 8 9, dope 0x0");
    }

    @Test
    @DisplayName("R4: a monitor on the path does see R, D and the option")
    void monitorSeesOptions() {
        assertLinesStartingWith(run, "log dlog:",
                "log dlog: client -> server, label 0x40, dope 0x39 (R D option 4)",
                "log dlog: client -> server, label 0x41, dope 0x3b (R D option 5)",
                "log dlog: client -> server, label 0x42, dope 0x3d (R D option 6)",
                "log dlog: client -> server, label 0x43, dope 0x3f (R D option 7)",
                "log dlog: client -> server, label 0x44, dope 0x39 (R D option 4)");
    }

    @Test
    @DisplayName("R4: the source's send completes with from = nilthread and dope 0, as without monitors")
    void sourceSeesPlainResult() {
        for (String variant : new String[] {"option 4", "option 5", "option 6", "option 7",
                "option 4, the source sending unreliably"}) {
            assertLine(run, "R4 client: send forwarded with " + variant + " returned: from nilthread, dope 0x0");
        }
    }

    @Test
    @DisplayName("R4: the scenario passes")
    void passes() {
        assertPassed(run, "R4");
    }
}
