package org.l4emu.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * `l4emu fuzz` (guest level) as CI runs it: short seeded runs spend their whole budget with no
 * violation (invariant, oracle or rule) and no host exception on arm and x86, every generator
 * class together, and the same seed gives the same run.
 */
class FuzzCommandTest {
    private static final String ARM_GUESTS = "--guests=" + Path.of("..", "guest-programs", "target", "arm");
    private static final String X86_GUESTS = "--guests=" + Path.of("..", "guest-programs", "target", "x86");
    private static final String SYSCALLS = "100000";

    private static FuzzRuns firstRun;

    @BeforeAll
    static void runOnce() {
        firstRun = FuzzRuns.fuzz(ARM_GUESTS, "--seed=7", "--syscalls=" + SYSCALLS);
    }

    @Test
    @DisplayName("a seeded run of 100,000 system calls is clean")
    void shortSeededRunIsClean() {
        assertEquals(0, firstRun.exitCode(), firstRun.all());
        assertTrue(firstRun.out().startsWith("l4emu fuzz: seed 7, arm, "), firstRun.out());
        assertTrue(firstRun.out().contains(" (12 fuzzers): 100,000 system calls in "), firstRun.out());
        assertTrue(firstRun.out().contains("violations: 0; host exceptions: 0"), firstRun.out());
        assertTrue(firstRun.out().contains("rule violations: 0"), firstRun.out());
    }

    @Test
    @DisplayName("the same seed repeats the same run")
    void sameSeedSameRun() {
        FuzzRuns again = FuzzRuns.fuzz(ARM_GUESTS, "--seed=7", "--syscalls=" + SYSCALLS);
        assertEquals(firstRun.summaryAfterTiming(), again.summaryAfterTiming());
    }

    @Test
    @DisplayName("the x86 build of the fuzzer runs clean too")
    void x86RunIsClean() {
        FuzzRuns run = FuzzRuns.fuzz(X86_GUESTS, "--arch=x86", "--seed=5", "--syscalls=30000");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().startsWith("l4emu fuzz: seed 5, x86, "), run.out());
    }

    /**
     * The fault-route check judges only what a handler can tell. Seed 12 on arm: at call 92
     * fuzz1's page-fault message went to its source monitor smon (rule fuzz1 -> *), which
     * forwarded it with option 5 to the pager, root; root saw it exactly as the direct send (R4)
     * and reported "a fault message reached its handler directly past a monitor of its path".
     */
    @Test
    @DisplayName("a monitor's forward of a fault message is no report of its handler's (seed 12)")
    void forwardedFaultMessageIsNoViolation() {
        FuzzRuns run = FuzzRuns.fuzz(ARM_GUESTS, "--seed=12", "--syscalls=300");
        assertEquals(0, run.exitCode(), run.all());
    }

    @Test
    @DisplayName("--quiet prints the summary only: no progress, none of the kernel's fault reports")
    void quietRunPrintsOnlyTheSummary() {
        FuzzRuns run = FuzzRuns.fuzz("--kernel", "--seed=1", "--syscalls=20000");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains(" stopped by a fault"), run.out());
        assertEquals("", run.err());
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
        for (String option : List.of("--threads=3", "--threads=65", "--syscalls=0", "--arch=mips", "--classes=nope")) {
            FuzzRuns run = FuzzRuns.fuzz(ARM_GUESTS, option);
            assertEquals(2, run.exitCode(), option);
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("l4emu: "), run.err());
        }
    }
}
