package org.l4emu.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.tools.L4emu;

/**
 * `l4emu fuzz` as CI runs it: a short seeded run spends its whole budget with no invariant
 * violation and no host exception, and the same seed gives the same run.
 */
class FuzzCommandTest {
    private static final Path GUESTS = Path.of("..", "guest-programs", "target", "arm");
    private static final String SYSCALLS = "200000";

    private record Run(int exitCode, String out, String err) {
        /** The summary without its first line, which carries the host's timing. */
        List<String> summaryAfterTiming() {
            return out.lines().skip(1).toList();
        }
    }

    private static Run firstRun;

    private static Run fuzz(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 3];
        args[0] = "fuzz";
        args[1] = "--guests=" + GUESTS;
        args[2] = "--quiet";
        System.arraycopy(options, 0, args, 3, options.length);
        int exit;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = L4emu.execute(out, errStream, args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void runOnce() {
        firstRun = fuzz("--seed=7", "--syscalls=" + SYSCALLS);
    }

    @Test
    @DisplayName("a seeded run of 200,000 system calls is clean")
    void shortSeededRunIsClean() {
        assertEquals(0, firstRun.exitCode(), firstRun.out() + firstRun.err());
        assertTrue(firstRun.out().startsWith("l4emu fuzz: seed 7, arm, "), firstRun.out());
        assertTrue(firstRun.out().contains(" (12 fuzzers): 200,000 system calls in "), firstRun.out());
        assertTrue(firstRun.out().contains("violations: 0; host exceptions: 0"), firstRun.out());
    }

    @Test
    @DisplayName("the same seed repeats the same run")
    void sameSeedSameRun() {
        Run again = fuzz("--seed=7", "--syscalls=" + SYSCALLS);
        assertEquals(firstRun.summaryAfterTiming(), again.summaryAfterTiming());
    }

    @Test
    @DisplayName("guest-programs/systems/fuzz.xml is the generated description for 12 fuzzers")
    void committedDescriptionIsTheGeneratedOne() throws IOException {
        Path committed = Path.of("..", "guest-programs", "systems", "fuzz.xml");
        assertEquals(FuzzSystem.xml(FuzzSystem.DEFAULT_FUZZERS, FuzzSystem.IMAGE), Files.readString(committed));
    }

    @Test
    @DisplayName("bad options: one line and exit code 2")
    void badOptions() {
        for (String option : List.of("--threads=3", "--threads=65", "--syscalls=0")) {
            Run run = fuzz(option);
            assertEquals(2, run.exitCode(), option);
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("l4emu: "), run.err());
        }
    }
}
