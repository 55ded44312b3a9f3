package org.l4emu.tools.harness;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.List;
import java.util.Optional;

/**
 * Where an actual text first departs from the expected one, and a unified diff of the two, cut
 * short after {@link #MAX_DIFF_LINES}: the first difference is what a reader needs, since a
 * kernel change usually shifts everything after it.
 *
 * @param expectedIndex the first differing line of the expected text (0-based; its size when it ended first)
 * @param actualIndex the same in the actual text
 */
public record LineDiff(int expectedIndex, int actualIndex, List<String> expected, List<String> actual,
                       List<String> unified) {
    static final int CONTEXT_LINES = 3;
    static final int MAX_DIFF_LINES = 40;

    /** The difference between two texts given as lines, or empty when they are equal. */
    public static Optional<LineDiff> between(List<String> expected, List<String> actual, String expectedName,
                                             String actualName) {
        Patch<String> patch = DiffUtils.diff(expected, actual);
        if (patch.getDeltas().isEmpty()) {
            return Optional.empty();
        }
        AbstractDelta<String> first = patch.getDeltas().getFirst();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(expectedName, actualName, expected, patch,
                CONTEXT_LINES);
        return Optional.of(new LineDiff(first.getSource().getPosition(), first.getTarget().getPosition(), expected,
                actual, unified));
    }

    /** "expected: ..." and "actual: ..." at the first difference, then the diff, for a reader. */
    public String describe(String unit) {
        StringBuilder text = new StringBuilder();
        text.append("first difference at ").append(unit).append(' ').append(expectedIndex + 1);
        if (actualIndex != expectedIndex) {
            text.append(" (").append(unit).append(' ').append(actualIndex + 1).append(" of the run)");
        }
        text.append(":\n");
        text.append("  expected: ").append(lineOrEnd(expected, expectedIndex)).append('\n');
        text.append("  actual:   ").append(lineOrEnd(actual, actualIndex)).append('\n');
        int shown = Math.min(unified.size(), MAX_DIFF_LINES);
        for (String line : unified.subList(0, shown)) {
            text.append(line).append('\n');
        }
        if (shown < unified.size()) {
            text.append("... ").append(unified.size() - shown).append(" more diff lines\n");
        }
        return text.toString();
    }

    private static String lineOrEnd(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index) : "(nothing: the text ends here)";
    }
}
