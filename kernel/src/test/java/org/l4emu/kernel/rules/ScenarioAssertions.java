package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.l4emu.kernel.GuestRun;

/**
 * Assertions on a rule scenario from guest-programs: each observation is one exact console line,
 * and a scenario that saw everything it expected prints "RULE verdict: PASS" and shuts down with 0.
 * Failures show the whole run.
 */
public final class ScenarioAssertions {
    private ScenarioAssertions() {
    }

    public static void assertLine(GuestRun run, String expectedLine) {
        assertTrue(run.lines().contains(expectedLine),
                () -> "no console line \"" + expectedLine + "\"" + transcript(run));
    }

    public static void assertPassed(GuestRun run, String ruleId) {
        assertLine(run, ruleId + " verdict: PASS");
        assertEquals(0, run.exitCode(), () -> "exit code" + transcript(run));
    }

    private static String transcript(GuestRun run) {
        return "\n--- console ---\n" + run.console() + "--- kernel log ---\n" + run.log();
    }
}
