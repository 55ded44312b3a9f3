package org.l4emu.tools.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * What a case expects of one text of a run (console, kernel log or IPC transcript): all of it
 * equal to a golden file, these lines in this order (others may come between), none of these.
 *
 * @param golden the golden file, or null to compare with none
 */
public record TextExpectation(Path golden, List<LinePattern> match, List<LinePattern> absent) {
    public static final TextExpectation NONE = new TextExpectation(null, List.of(), List.of());

    public boolean isEmpty() {
        return golden == null && match.isEmpty() && absent.isEmpty();
    }
}
