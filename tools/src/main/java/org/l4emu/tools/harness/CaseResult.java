package org.l4emu.tools.harness;

import java.util.List;

/**
 * How a case went: its run (null when it did not run), the mismatches found, the golden files
 * {@code --update} wrote, and for an error or a skipped case the one-line reason.
 */
public record CaseResult(CaseLocation location, Status status, CaseRun run, List<Mismatch> mismatches,
                         List<String> updates, String reason) {
    public enum Status { PASS, FAIL, ERROR, SKIP }

    public static CaseResult checked(CaseLocation location, CaseRun run, List<Mismatch> mismatches,
                                     List<String> updates) {
        return new CaseResult(location, mismatches.isEmpty() ? Status.PASS : Status.FAIL, run, List.copyOf(mismatches),
                List.copyOf(updates), null);
    }

    /** The case could not be read, run or checked. */
    public static CaseResult error(CaseLocation location, CaseRun run, String reason) {
        return new CaseResult(location, Status.ERROR, run, List.of(), List.of(), reason);
    }

    /** The case does not apply to the architecture the suite runs on. */
    public static CaseResult skipped(CaseLocation location, String reason) {
        return new CaseResult(location, Status.SKIP, null, List.of(), List.of(), reason);
    }

    public String name() {
        return location.name();
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /** Failed or in error: what makes a suite fail. */
    public boolean failed() {
        return status == Status.FAIL || status == Status.ERROR;
    }

    /** Everything wrong, as a report prints it below the case's name. */
    public String describeProblems() {
        if (reason != null) {
            return reason;
        }
        StringBuilder text = new StringBuilder();
        for (Mismatch mismatch : mismatches) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(mismatch.describe());
        }
        return text.toString();
    }
}
