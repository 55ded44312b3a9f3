package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every system the project builds runs under the rule checker without a violation, apart from
 * the few that exercise a kernel hole still open on this branch (issue 12, fixed on kernel-sec's
 * branch): those may break only the rules named here. The chk_* systems are HoleScenariosTest's.
 */
class EveryGuestChecksCleanTest {
    /** Benchmarks repeat the same round trips millions of times: time, not states. */
    private static final Set<String> SKIPPED_PREFIXES = Set.of("bench_", "chk_", "fuzz");

    /**
     * Open holes of today's kernel: deleting a task frees nothing (hole 6, P3), and a full
     * notification queue fails a delivered message with error 4 (M6 as settled). Once the fixes
     * are merged these systems check clean; the test allows it.
     */
    private static final Map<String, Set<CheckedRule>> OPEN_HOLES = Map.of(
            "hostile_dying_client.xml", Set.of(CheckedRule.P3),
            "thread_control.xml", Set.of(CheckedRule.P3),
            "p3_quotas.xml", Set.of(CheckedRule.M6));

    static List<String> systems() throws IOException {
        try (Stream<Path> files = Files.list(CheckedGuestRun.GUESTS)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".xml") && SKIPPED_PREFIXES.stream().noneMatch(name::startsWith))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void checksClean(String system) {
        CheckedGuestRun run = CheckedGuestRun.boot(system);
        assertNull(run.hostException(), run::report);
        assertTrue(run.checker().events() > 0, "the checker saw no event");
        Set<CheckedRule> allowed = OPEN_HOLES.getOrDefault(system, Set.of());
        assertTrue(allowed.containsAll(run.checker().counts().keySet()), run::report);
    }
}
