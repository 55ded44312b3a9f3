package org.l4emu.tools.harness;

import java.util.List;
import java.util.Optional;

/**
 * Matches a case's expected lines against a text: each pattern must match a line after the one
 * the previous pattern matched (other lines may come between), and no line may match an absent
 * pattern. A failure shows the lines where the pattern was looked for.
 */
final class OrderedMatch {
    private static final int LINES_SHOWN = 8;

    private OrderedMatch() {}

    static Optional<Mismatch> inOrder(RunText what, List<LinePattern> patterns, List<String> lines) {
        int from = 0;
        LinePattern previous = null;
        for (LinePattern pattern : patterns) {
            int at = find(pattern, lines, from);
            if (at < 0) {
                return Optional.of(notFound(what, pattern, previous, lines, from));
            }
            from = at + 1;
            previous = pattern;
        }
        return Optional.empty();
    }

    static Optional<Mismatch> absent(RunText what, List<LinePattern> patterns, List<String> lines) {
        for (LinePattern pattern : patterns) {
            int at = find(pattern, lines, 0);
            if (at >= 0) {
                return Optional.of(Mismatch.of(what.title() + ": " + what.unit() + " " + (at + 1) + " matches \""
                        + pattern + "\", which must not appear", "  " + (at + 1) + ": " + lines.get(at)));
            }
        }
        return Optional.empty();
    }

    private static int find(LinePattern pattern, List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (pattern.matches(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Mismatch notFound(RunText what, LinePattern pattern, LinePattern previous, List<String> lines,
                                     int from) {
        String where = previous == null ? "" : " after " + what.unit() + " " + from + " (which matched \"" + previous
                + "\")";
        StringBuilder detail = new StringBuilder();
        int earlier = find(pattern, lines, 0);
        if (earlier >= 0) {
            detail.append("  it matches ").append(what.unit()).append(' ').append(earlier + 1)
                    .append(", too early: the expected order differs\n");
        }
        if (from >= lines.size()) {
            detail.append("  (the ").append(what.title()).append(" ends there)\n");
        } else {
            detail.append("  the ").append(what.title()).append(" goes on:\n");
            int to = Math.min(lines.size(), from + LINES_SHOWN);
            for (int i = from; i < to; i++) {
                detail.append("  ").append(i + 1).append(": ").append(lines.get(i)).append('\n');
            }
            if (to < lines.size()) {
                detail.append("  ... ").append(lines.size() - to).append(" more\n");
            }
        }
        return Mismatch.of(what.title() + ": no " + what.unit() + " matches \"" + pattern + "\"" + where,
                detail.toString().stripTrailing());
    }
}
