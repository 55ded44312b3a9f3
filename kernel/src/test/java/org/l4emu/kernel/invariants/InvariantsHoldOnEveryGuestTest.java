package org.l4emu.kernel.invariants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.l4emu.kernel.GuestRun;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootOptions;

/** Every system the project builds runs to its end with every invariant checked after every trap. */
class InvariantsHoldOnEveryGuestTest {
    /** Benchmarks run millions of identical round trips: they add time, not states. */
    private static final String SKIPPED_PREFIX = "bench_";

    static List<String> systems() throws IOException {
        try (Stream<Path> files = Files.list(GuestRun.GUEST_DIRECTORY)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".xml") && !name.startsWith(SKIPPED_PREFIX))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void runsWithoutViolation(String system) throws Exception {
        InvariantChecker checker = new InvariantChecker();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Boot.run(GuestRun.GUEST_DIRECTORY.resolve(system), BootOptions.DEFAULTS, OutputStream.nullOutputStream(),
                    logStream, checker);
        }
        assertTrue(checker.checks() > 0, () -> "no trap was checked; kernel log:\n" + log);
    }
}
