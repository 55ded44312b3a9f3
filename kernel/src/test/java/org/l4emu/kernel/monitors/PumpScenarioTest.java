package org.l4emu.kernel.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.monitors.Transcript.assertExitCode;
import static org.l4emu.kernel.monitors.Transcript.assertInOrder;
import static org.l4emu.kernel.monitors.Transcript.assertLinesStartingWith;
import static org.l4emu.kernel.monitors.Transcript.assertNoLineContaining;
import static org.l4emu.kernel.monitors.Transcript.linesStartingWith;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * The paper's example (docs/semantics.md, "The paper's example"), guest-programs/systems/pump.xml: a
 * public client logs to a secret file system through its own monitor, an NRL pump and a
 * redirector that switches to a replacement file system after two entries.
 */
@DisplayName("The paper's example: NRL pump, redirector and client monitor")
class PumpScenarioTest {
    private static final int ENTRIES = 5;
    private static final int PERIOD_US = 1000;
    private static final Pattern COMPLETION = Pattern.compile("client: time: log (\\d+) completed at (\\d+) us");
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("pump.xml");
    }

    private static String kernelNotification(String finalReceiver) {
        return "pump: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client, "
                + "true source client, final receiver " + finalReceiver + ", error 0";
    }

    private static String passedOnNotification(String finalReceiver) {
        return "client_mon: notification from pump, dope 0x5 (option 2), MR0 0x4, blocked source client, "
                + "true source client, final receiver " + finalReceiver + ", error 0";
    }

    @Test
    @DisplayName("M6: each log send completes in the next pump period, one per period")
    void onePerPeriod() {
        List<String> expected = new ArrayList<>();
        for (int entry = 1; entry <= ENTRIES; entry++) {
            expected.add("client: log " + entry + ": no error, completed in pump period " + entry);
        }
        assertEquals(expected, linesStartingWith(run, "client: log "), () -> Transcript.of(run));
    }

    @Test
    @DisplayName("M6: completions keep the same phase in every period, whichever file system took the entry and however long it worked")
    void timingHidesTheFileSystem() {
        List<Long> times = new ArrayList<>();
        for (String line : run.lines()) {
            Matcher matcher = COMPLETION.matcher(line);
            if (matcher.matches()) {
                times.add(Long.parseLong(matcher.group(2)));
            }
        }
        assertEquals(ENTRIES, times.size(), () -> Transcript.of(run));
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(Math.abs(gap - PERIOD_US) <= 1, () -> "completion times " + times + Transcript.of(run));
        }
    }

    @Test
    @DisplayName("M6: the pump, the last controlling monitor, is notified at every delivery, to fs and to fs2")
    void pumpNotified() {
        assertLinesStartingWith(run, "pump: notification",
                kernelNotification("fs"), kernelNotification("fs"), kernelNotification("fs2"),
                kernelNotification("fs2"), kernelNotification("fs2"));
    }

    @Test
    @DisplayName("M6: the client's monitor hears of delivery only when the pump passes it on, from pump, then releases the client")
    void clientMonitorNotifiedByPump() {
        assertNoLineContaining(run, "client_mon: notification from nilthread");
        assertLinesStartingWith(run, "client_mon: notification",
                passedOnNotification("fs"), passedOnNotification("fs"), passedOnNotification("fs2"),
                passedOnNotification("fs2"), passedOnNotification("fs2"));
        assertInOrder(run,
                kernelNotification("fs"),
                "pump: period 1: passing the notification on to client_mon: no error",
                passedOnNotification("fs"),
                "client_mon: unblocking client: no error",
                "client: log 1: no error, completed in pump period 1");
    }

    @Test
    @DisplayName("R5: after two entries the redirector sends the client's IPC to fs2, which receives it from the client")
    void redirectedToFs2() {
        assertLinesStartingWith(run, "fs:", "fs: log 1 from client, dope 0x0", "fs: log 2 from client, dope 0x0");
        assertLinesStartingWith(run, "fs2:", "fs2: log 3 from client, dope 0x0", "fs2: log 4 from client, dope 0x0",
                "fs2: log 5 from client, dope 0x0");
        assertLinesStartingWith(run, "redirector:", "redirector: log 3 to fs2 instead of fs",
                "redirector: log 4 to fs2 instead of fs", "redirector: log 5 to fs2 instead of fs");
    }

    @Test
    @DisplayName("R1/M8: the client's own (source-class) monitor sees each entry first, straight from the client")
    void clientMonitorFirst() {
        List<String> expected = new ArrayList<>();
        for (int entry = 1; entry <= ENTRIES; entry++) {
            expected.add("client_mon: client -> fs, label 0x4c, dope 0x10 (R)");
        }
        assertEquals(expected, linesStartingWith(run, "client_mon: client"), () -> Transcript.of(run));
        assertExitCode(run, 0);
    }
}
