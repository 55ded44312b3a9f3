package org.l4emu.tools.harness;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.l4emu.emulator.Architecture;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Guest regression cases as JUnit 5 dynamic tests, one per case file, named after the case. Every
 * case starts at once on the suite runner's pool, so the cores work while JUnit reports the cases
 * one after another; a failure carries the report's diff, and the expected and actual texts for
 * IDEs that compare them. (The tests carry no file URI as their source: Surefire would then not
 * count them as the factory class's.)
 */
final class GuestCaseTests {
    private GuestCaseTests() {}

    /** The cases below {@code suite}, run on {@code architecture}; files named relative to {@code reportRoot}. */
    static Stream<DynamicTest> of(Path suite, Architecture architecture, Path reportRoot) {
        List<CaseLocation> cases = CaseDiscovery.find(List.of(suite));
        SuiteRunner runner = new SuiteRunner(architecture, SuiteRunner.defaultThreads(),
                new CaseChecker(false, reportRoot));
        List<DynamicTest> tests = cases.stream()
                .map(location -> dynamicTest(location.name(),
                        assertPasses(runner.submit(location), reportRoot)))
                .toList();
        return tests.stream().onClose(runner::close);
    }

    private static Executable assertPasses(CompletableFuture<CaseResult> pending, Path reportRoot) {
        return () -> assertPassed(SuiteRunner.join(pending), reportRoot);
    }

    static void assertPassed(CaseResult result, Path reportRoot) {
        if (result.passed()) {
            return;
        }
        if (result.status() == CaseResult.Status.SKIP) {
            throw new TestAbortedException(result.reason());
        }
        String message = result.status() + " " + result.name() + " ("
                + DisplayPath.of(result.location().file(), reportRoot) + ")\n" + result.describeProblems();
        Mismatch compared = result.mismatches().stream().filter(mismatch -> mismatch.expected() != null)
                .findFirst().orElse(null);
        if (compared == null) {
            throw new AssertionFailedError(message);
        }
        throw new AssertionFailedError(message, compared.expected(), compared.actual());
    }
}
