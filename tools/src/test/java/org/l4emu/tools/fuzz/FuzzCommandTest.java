package org.l4emu.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.tools.L4emu;

/**
 * `l4emu fuzz` as CI runs it: a short seeded run spends its whole budget with no invariant
 * violation, no host exception and no rule violation but those of the kernel holes still open
 * on this branch, and the same seed gives the same run.
 */
class FuzzCommandTest {
    private static final Path GUESTS = Path.of("..", "guest-programs", "target", "arm");
    private static final String SYSCALLS = "200000";
    /**
     * Rules today's kernel still breaks under the fuzzer (issue 12, fixed on kernel-sec's
     * branch): ipc(nilthread, nilthread) (ABI), deceit naming an unrelated true source (R3),
     * fault IPC past allow rules and monitors (S6), and M6/M9 as settled. Empty it once merged.
     */
    private static final Set<String> OPEN_HOLES = Set.of("ABI", "R3", "S6", "M6", "M9");
    private static final Pattern RULE_COUNT = Pattern.compile("([A-Z]+[0-9]*) [0-9,]+");

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
        assertTrue(firstRun.out().startsWith("l4emu fuzz: seed 7, "), firstRun.out());
        assertTrue(firstRun.out().contains(" (12 fuzzers): 200,000 system calls in "), firstRun.out());
        assertTrue(firstRun.out().contains("invariant violations: 0; host exceptions: 0"), firstRun.out());
        String rules = firstRun.out().lines().filter(l -> l.startsWith("  rule checker: ")).findFirst().orElseThrow();
        Set<String> broken = new HashSet<>();
        Matcher counts = RULE_COUNT.matcher(rules.contains("(") ? rules.substring(rules.indexOf('(')) : "");
        while (counts.find()) {
            broken.add(counts.group(1));
        }
        assertTrue(OPEN_HOLES.containsAll(broken), firstRun.out());
        assertEquals(broken.isEmpty() ? 0 : 1, firstRun.exitCode(), firstRun.out() + firstRun.err());
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
