package org.l4emu.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.emulator.Architecture;

@DisplayName("SuiteRunner: parallel runs, each deterministic, results in the cases' order")
class SuiteRunnerTest {
    @TempDir
    Path directory;

    @Test
    void parallelRunsAreDeterministicAndOrdered() {
        TemporarySuite suite = new TemporarySuite(directory);
        List<CaseLocation> cases = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            suite.write("pump" + copy + ".test.yaml", "system: " + TemporarySuite.built("pump.xml") + "\n");
            cases.add(suite.location("pump" + copy));
        }
        List<String> seen = new ArrayList<>();
        List<CaseResult> results;
        try (SuiteRunner runner = new SuiteRunner(Architecture.ARM, 4, new CaseChecker(false, directory))) {
            results = runner.run(cases, result -> seen.add(result.name()));
        }
        assertEquals(List.of("pump0", "pump1", "pump2", "pump3"), seen);
        CaseRun first = results.getFirst().run();
        for (CaseResult result : results) {
            assertEquals(CaseResult.Status.PASS, result.status(), result::describeProblems);
            assertEquals(first.console(), result.run().console());
            assertEquals(first.ipc(), result.run().ipc());
            assertEquals(first.exitCode(), result.run().exitCode());
        }
    }
}
