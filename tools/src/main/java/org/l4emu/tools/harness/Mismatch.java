package org.l4emu.tools.harness;

/**
 * One way a run differed from its case: a one-line {@code title} ("ipc transcript differs from
 * pump.ipc at event 4"), the {@code detail} that explains it (a diff, the lines around), and the
 * two texts compared, when there are two, for IDEs that show their own diff.
 */
public record Mismatch(String title, String detail, String expected, String actual) {
    public static Mismatch of(String title, String detail) {
        return new Mismatch(title, detail, null, null);
    }

    /** Title and detail, as a report prints them. */
    public String describe() {
        return detail.isEmpty() ? title : title + "\n" + detail;
    }
}
