package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;
import static org.l4emu.kernel.monitors.Transcript.linesStartingWith;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;
import org.l4emu.kernel.monitors.Transcript;

/** docs/semantics.md R2, through guest-programs/src/r2_monitor_view.c. */
@DisplayName("R2 What a monitor sees")
class R2MonitorViewTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("r2_monitor_view.xml");
    }

    @Test
    @DisplayName("R2: the first monitor gets the source's IPC with R, from = S, IntendedReceiver = D, and the IPC's words")
    void firstMonitorView() {
        assertLinesStartingWith(run, "R2 first, label 0x21:",
                "R2 first, label 0x21: from client, dope 0x10 (R)",
                "R2 first, label 0x21: intended receiver server",
                "R2 first, label 0x21: blocked source client",
                "R2 first, label 0x21: controlling monitor nilthread",
                "R2 first, label 0x21: delay timeout remaining 5000 us");
    }

    @Test
    @DisplayName("R2: the next monitor sees the forwarder's option, blocked source, controlling monitor and smaller delay")
    void secondMonitorView() {
        List<String> view = linesStartingWith(run, "R2 second, label 0x21:");
        assertEquals(List.of(
                "R2 second, label 0x21: from client, dope 0x3f (R D option 7)",
                "R2 second, label 0x21: intended receiver server",
                "R2 second, label 0x21: blocked source client",
                "R2 second, label 0x21: controlling monitor first"), view.subList(0, Math.min(4, view.size())),
                () -> Transcript.of(run));
        // The forwarder's 3000 us delay timeout counts from the M4 check, which the IPC passed
        // some tens of us of virtual time before it reached this monitor (M5): 61 us of ARM code,
        // 72 us of x86 code, as virtual time counts instructions.
        Matcher remaining = Pattern.compile("R2 second, label 0x21: delay timeout remaining (\\d+) us")
                .matcher(view.size() == 5 ? view.get(4) : "");
        assertTrue(remaining.matches(), () -> Transcript.of(run));
        int micros = Integer.parseInt(remaining.group(1));
        assertTrue(micros > 2900 && micros < 3000, () -> micros + " us remaining" + Transcript.of(run));
    }

    @Test
    @DisplayName("R2: without a parameter block or controlling monitor the words say none")
    void wordsWithoutBlock() {
        assertLinesStartingWith(run, "R2 second, label 0x22:",
                "R2 second, label 0x22: from client, dope 0x39 (R D option 4)",
                "R2 second, label 0x22: intended receiver server",
                "R2 second, label 0x22: blocked source client",
                "R2 second, label 0x22: controlling monitor nilthread",
                "R2 second, label 0x22: delay timeout remaining 0 us");
    }

    @Test
    @DisplayName("R2: the IPC reaches the monitors before D, and D only after them")
    void monitorsBeforeDestination() {
        assertInOrder(run,
                "R2 first, label 0x21: from client, dope 0x10 (R)",
                "R2 second, label 0x21: from client, dope 0x3f (R D option 7)",
                "server: label 0x21 from client, words (none), dope 0x0",
                "R2 first, label 0x22: from client, dope 0x10 (R)",
                "R2 second, label 0x22: from client, dope 0x39 (R D option 4)",
                "server: label 0x22 from client, words (none), dope 0x0");
    }

    @Test
    @DisplayName("R2: both sends succeed and the scenario passes")
    void passes() {
        assertPassed(run, "R2");
    }
}
