package org.l4emu.tools.fuzz.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.tools.check.LiveRuleChecker;
import org.l4emu.tools.check.RuleChecker;
import org.l4emu.tools.fuzz.AttackClass;
import org.l4emu.tools.fuzz.FuzzOptions;
import org.l4emu.tools.fuzz.FuzzOutcome;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceReader;

/**
 * The rule checker plugged into the kernel-level fuzzer (as `l4emu fuzz --kernel` runs it)
 * checks every event of the run, and `--trace` records the same run for `l4emu trace check`.
 */
class CheckerHookTest {
    private static FuzzOptions options(long syscalls, Path trace) {
        return new FuzzOptions(4, syscalls, 8, Architecture.ARM, AttackClass.all(), true, null, trace);
    }

    @Test
    @DisplayName("the rule checker reads every event of a kernel-level run and finds it clean")
    void checkerSeesTheRun() throws BootException {
        FuzzOutcome outcome = KernelFuzzRun.run(options(20_000, null), new PrintStream(OutputStream.nullOutputStream()),
                count -> { }, new LiveRuleChecker());
        RuleChecker rules = outcome.rules();
        assertTrue(outcome.clean(), String.valueOf(outcome.violation()) + " " + rules.countsText());
        assertTrue(rules.events() > outcome.statistics().syscalls(), rules.events() + " events");
        assertEquals(0, rules.violationCount(), rules.countsText());
    }

    @Test
    @DisplayName("--trace records the kernel-level run, and the checker reads the file as it read the run")
    void traceOfTheRun(@TempDir Path directory) throws Exception {
        Path trace = directory.resolve("kernel-fuzz.trace");
        FuzzOutcome outcome = KernelFuzzRun.run(options(5_000, trace), new PrintStream(OutputStream.nullOutputStream()),
                count -> { }, new LiveRuleChecker());
        RuleChecker fromFile = new RuleChecker();
        try (TraceReader reader = TraceReader.open(trace)) {
            TraceEvent event;
            while ((event = reader.next()) != null) {
                fromFile.accept(event);
            }
        }
        fromFile.finish();
        assertEquals(outcome.rules().events(), fromFile.events());
        assertEquals(0, fromFile.violationCount(), fromFile.countsText());
    }
}
