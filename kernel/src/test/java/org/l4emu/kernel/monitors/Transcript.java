package org.l4emu.kernel.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.l4emu.kernel.GuestRun;

/**
 * Assertions on the console of a monitor scenario from guest-programs (see
 * guest-programs/MONITORS.md): each observation is one exact line; where several threads print,
 * the order of their lines is the order of events in virtual time. Failures show the whole run.
 */
public final class Transcript {
    private Transcript() {
    }

    public static void assertLine(GuestRun run, String expectedLine) {
        assertTrue(run.lines().contains(expectedLine),
                () -> "no console line \"" + expectedLine + "\"" + of(run));
    }

    public static void assertNoLineContaining(GuestRun run, String fragment) {
        for (String line : run.lines()) {
            if (line.contains(fragment)) {
                fail("unexpected console line \"" + line + "\"" + of(run));
            }
        }
    }

    /** Each line appears, in this order (other lines may come between them). */
    public static void assertInOrder(GuestRun run, String... expectedLines) {
        List<String> lines = run.lines();
        int from = 0;
        for (String expected : expectedLines) {
            int at = lines.subList(from, lines.size()).indexOf(expected);
            if (at < 0) {
                fail("no console line \"" + expected + "\" after line " + from + of(run));
            }
            from += at + 1;
        }
    }

    public static List<String> linesStartingWith(GuestRun run, String prefix) {
        return run.lines().stream().filter(line -> line.startsWith(prefix)).toList();
    }

    /** The lines starting with {@code prefix} are exactly these, in this order. */
    public static void assertLinesStartingWith(GuestRun run, String prefix, String... expectedLines) {
        assertEquals(List.of(expectedLines), linesStartingWith(run, prefix),
                () -> "lines starting with \"" + prefix + "\"" + of(run));
    }

    /** The scenario printed "RULE verdict: PASS" and shut down with exit code 0. */
    public static void assertPassed(GuestRun run, String ruleId) {
        assertLine(run, ruleId + " verdict: PASS");
        assertExitCode(run, 0);
    }

    public static void assertExitCode(GuestRun run, int expected) {
        assertEquals(expected, run.exitCode(), () -> "exit code" + of(run));
    }

    /** The whole run, for failure messages. */
    public static String of(GuestRun run) {
        return "\n--- console ---\n" + run.console() + "--- kernel log ---\n" + run.log();
    }
}
