package org.l4emu.tools.harness;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which cases {@code --filter} selects: a pattern with {@code *} matches whole case names
 * ("m*_*", "monitors/*"); one without is looked for inside them ("pump"). Several patterns select
 * the cases any of them matches; none selects every case.
 */
public final class CaseFilter implements Predicate<CaseLocation> {
    private final List<LinePattern> patterns;

    public CaseFilter(List<String> patterns) {
        this.patterns = patterns.stream()
                .map(pattern -> LinePattern.parse(pattern.contains("*") ? pattern : "*" + pattern + "*"))
                .toList();
    }

    @Override
    public boolean test(CaseLocation location) {
        return patterns.isEmpty() || patterns.stream().anyMatch(pattern -> pattern.matches(location.name()));
    }
}
