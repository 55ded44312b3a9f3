package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every system the project builds runs under the rule checker without a violation. The chk_*
 * systems are HoleScenariosTest's.
 */
class EveryGuestChecksCleanTest {
    /** Benchmarks repeat the same round trips millions of times: time, not states. */
    private static final Set<String> SKIPPED_PREFIXES = Set.of("bench_", "chk_", "fuzz");

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
        assertEquals(0, run.checker().violationCount(), run::report);
    }
}
