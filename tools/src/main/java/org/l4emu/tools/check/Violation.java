package org.l4emu.tools.check;

import java.util.Locale;

/** One broken rule: which, at which event (its number in the trace), at what virtual time, and what happened. */
public record Violation(CheckedRule rule, long seq, long timeNanos, String message) {
    /** "event 412 (1,203.450 us): R3: ..." as 'l4emu trace check' prints it. */
    public String describe() {
        return String.format(Locale.ROOT, "event %d (%,.3f us): %s: %s", seq, timeNanos / 1000.0, rule.name(),
                message);
    }
}
