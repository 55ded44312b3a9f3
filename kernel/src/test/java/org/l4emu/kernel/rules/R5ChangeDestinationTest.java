package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md R5, through guest-programs/src/r5_change_destination.c and its two systems. */
@DisplayName("R5 Changing destination")
class R5ChangeDestinationTest {
    private static final String FORWARDED = "dope 0x39 (R D option 4)";

    @Nested
    @DisplayName("redirector on path(client, fs2) too")
    class OnPath {
        private final GuestRun run = GuestRun.boot("r5_on_path.xml");

        @Test
        @DisplayName("R5: after the change, the monitors of path(S, D') that follow the forwarder, and none before it")
        void restOfNewPath() {
            assertLinesStartingWith(run, "log ",
                    "log guard1: client -> fs, label 0x1, " + FORWARDED,
                    "log late: client -> fs2, label 0x2, " + FORWARDED,
                    "log guard2: client -> fs2, label 0x2, " + FORWARDED);
        }

        @Test
        @DisplayName("R5: D' receives from the true source; the old destination gets nothing more")
        void newDestinationReceives() {
            assertLinesStartingWith(run, "fs:", "fs: label 0x1 from client, words (none), dope 0x0");
            assertLinesStartingWith(run, "fs2:", "fs2: label 0x2 from client, words (none), dope 0x0");
            assertPassed(run, "R5");
        }
    }

    @Nested
    @DisplayName("redirector only on path(client, fs)")
    class OffPath {
        private final GuestRun run = GuestRun.boot("r5_off_path.xml");

        @Test
        @DisplayName("R5: a forwarder not on path(S, D') is followed only by that path's monitors of a later class")
        void laterClassOnly() {
            assertLinesStartingWith(run, "log ",
                    "log guard1: client -> fs, label 0x1, " + FORWARDED,
                    "log guard2: client -> fs2, label 0x2, " + FORWARDED);
        }

        @Test
        @DisplayName("R5: D' receives from the true source and the source's send completes")
        void newDestinationReceives() {
            assertLinesStartingWith(run, "fs2:", "fs2: label 0x2 from client, words (none), dope 0x0");
            assertPassed(run, "R5");
        }
    }
}
