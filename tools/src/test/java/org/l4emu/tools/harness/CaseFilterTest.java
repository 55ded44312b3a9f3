package org.l4emu.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("--filter: names containing the pattern, or matching it with *")
class CaseFilterTest {
    private static final List<String> NAMES = List.of("demos/pingpong", "monitors/pump", "rules/m1_blocked",
            "rules/m2_unblocking", "rules/s1_reliability");

    private static List<String> selected(String... patterns) {
        CaseFilter filter = new CaseFilter(List.of(patterns));
        return NAMES.stream().filter(name -> filter.test(new CaseLocation(Path.of(name), Path.of("."), name)))
                .toList();
    }

    @Test
    void filters() {
        assertEquals(NAMES, selected());
        assertEquals(List.of("monitors/pump"), selected("pump"));
        assertEquals(List.of("rules/m1_blocked", "rules/m2_unblocking"), selected("rules/m*"));
        assertEquals(List.of("demos/pingpong", "rules/s1_reliability"), selected("ping", "rules/s1_*"));
        assertEquals(List.of("rules/m1_blocked"), selected("m1"));
        assertEquals(List.of(), selected("m1*"), "a pattern with * matches whole names, and none starts with m1");
    }
}
