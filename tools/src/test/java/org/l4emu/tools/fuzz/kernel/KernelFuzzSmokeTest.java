package org.l4emu.tools.fuzz.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.l4emu.emulator.Architecture;
import org.l4emu.tools.fuzz.AttackClass;
import org.l4emu.tools.fuzz.FuzzRuns;

/**
 * The kernel-level fuzzer as CI runs it: each generator class alone, on each architecture's
 * conventions, for a budget a second or so of the scripted machine takes; any violation or host
 * exception fails the build.
 */
class KernelFuzzSmokeTest {
    private static final String SYSCALLS = "50000";

    static Stream<Arguments> classesOnEachArchitecture() {
        List<Arguments> cases = new ArrayList<>();
        for (Architecture architecture : Architecture.values()) {
            for (AttackClass attackClass : AttackClass.values()) {
                cases.add(Arguments.of(architecture, attackClass));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("classesOnEachArchitecture")
    @DisplayName("a short run of one class is clean")
    void oneClassIsClean(Architecture architecture, AttackClass attackClass) {
        FuzzRuns run = FuzzRuns.fuzz("--kernel", "--arch=" + architecture.xmlName(), "--seed=3",
                "--syscalls=" + SYSCALLS, "--classes=" + attackClass.label());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("violations: 0; host exceptions: 0"), run.out());
        assertTrue(run.out().contains(attackClass.label() + " "), run.out());
    }

    @Test
    @DisplayName("the same seed repeats the same run, call for call")
    void sameSeedSameRun() {
        String[] options = {"--kernel", "--seed=11", "--syscalls=30000", "--classes=rule-churn,random"};
        FuzzRuns first = FuzzRuns.fuzz(options);
        FuzzRuns second = FuzzRuns.fuzz(options);
        assertEquals(first.summaryAfterTiming(), second.summaryAfterTiming());
        assertTrue(first.out().contains("reproduce with: l4emu fuzz --kernel --arch arm --seed 11 --syscalls 30000")
                || first.exitCode() == 0, first.out());
    }

    @Test
    @DisplayName("the summary counts each generator class's calls")
    void summaryHasClassCounts() {
        FuzzRuns run = FuzzRuns.fuzz("--kernel", "--seed=2", "--syscalls=20000", "--classes=rule-churn");
        assertTrue(run.out().contains("generator classes (system calls and faults): rule-churn "), run.out());
        assertTrue(run.out().startsWith("l4emu fuzz --kernel: seed 2, arm, "), run.out());
    }
}
