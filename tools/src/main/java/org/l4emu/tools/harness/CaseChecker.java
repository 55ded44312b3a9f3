package org.l4emu.tools.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.l4emu.tools.check.RuleChecker;
import org.l4emu.tools.check.Violation;

/**
 * Compares a run with what its case expects: for the IPC transcript, the console and the kernel
 * log their golden file, ordered lines and absent lines, then the rule checker's verdict on the
 * run's events, then the exit code. With {@code update}
 * the golden files are re-recorded from the run instead of compared; the other expectations are
 * still checked, since they were written by hand.
 */
public final class CaseChecker {
    private static final int LOG_LINES_SHOWN = 12;
    private static final int VIOLATIONS_SHOWN = 10;

    private final boolean update;
    private final Path reportRoot;

    /** {@code reportRoot}: golden files are named relative to it in reports (the working directory). */
    public CaseChecker(boolean update, Path reportRoot) {
        this.update = update;
        this.reportRoot = reportRoot.toAbsolutePath().normalize();
    }

    public CaseResult check(TestCase testCase, CaseRun run) {
        List<Mismatch> mismatches = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        boolean unexpectedBootError = run.bootError() != null && run.exitCode() != testCase.exitCode();
        if (unexpectedBootError) {
            // First: every other difference follows from it, and the headline should say why.
            mismatches.add(Mismatch.of("the system was not booted: " + run.bootError(),
                    "  exit code " + run.exitCode() + ", expected " + testCase.exitCode()));
        }
        for (RunText what : RunText.values()) {
            TextExpectation expectation = what.expectationOf(testCase);
            String text = what.of(run);
            List<String> lines = text.lines().toList();
            if (expectation.golden() != null) {
                if (update) {
                    record(expectation.golden(), text).ifPresent(updates::add);
                } else {
                    compare(what, expectation.golden(), text).ifPresent(mismatches::add);
                }
            }
            OrderedMatch.inOrder(what, expectation.match(), lines).ifPresent(mismatches::add);
            OrderedMatch.absent(what, expectation.absent(), lines).ifPresent(mismatches::add);
        }
        ruleViolations(run).ifPresent(mismatches::add);
        // Last: when the IPC differs too, the transcript's first difference is the better headline.
        if (run.exitCode() != testCase.exitCode() && !unexpectedBootError) {
            mismatches.add(Mismatch.of("exit code " + run.exitCode() + ", expected " + testCase.exitCode(),
                    logTail(run)));
        }
        return CaseResult.checked(testCase.location(), run, mismatches, updates);
    }

    /** Every case runs under the rule checker (docs/checker.md): a violation fails it, whatever it expects. */
    private static Optional<Mismatch> ruleViolations(CaseRun run) {
        RuleChecker rules = run.rules();
        if (rules.violationCount() == 0) {
            return Optional.empty();
        }
        StringBuilder detail = new StringBuilder();
        List<Violation> shown = rules.violations();
        for (Violation violation : shown.subList(0, Math.min(shown.size(), VIOLATIONS_SHOWN))) {
            detail.append("  ").append(violation.describe()).append('\n');
        }
        if (rules.violationCount() > VIOLATIONS_SHOWN) {
            detail.append("  ... ").append(rules.violationCount() - VIOLATIONS_SHOWN).append(" more\n");
        }
        return Optional.of(Mismatch.of("the rule checker found " + rules.violationCount() + " violation"
                + (rules.violationCount() == 1 ? "" : "s") + " (" + rules.countsText() + ")",
                detail.toString().stripTrailing()));
    }

    private Optional<Mismatch> compare(RunText what, Path golden, String actual) {
        Optional<String> expected = GoldenFile.read(golden);
        String name = DisplayPath.of(golden, reportRoot);
        if (expected.isEmpty()) {
            return Optional.of(Mismatch.of("no golden file " + name + " for the " + what.title(),
                    "  'l4emu test --update' records it from this run"));
        }
        if (expected.get().equals(actual)) {
            return Optional.empty();
        }
        Optional<LineDiff> diff = LineDiff.between(expected.get().lines().toList(), actual.lines().toList(),
                name + " (expected)", "this run");
        String title = diff.map(d -> what.title() + " differs from " + name + " at " + what.unit() + " "
                        + (d.expectedIndex() + 1))
                .orElse(what.title() + " differs from " + name + " only in its final newline");
        String detail = diff.map(d -> d.describe(what.unit()).stripTrailing()).orElse("");
        return Optional.of(new Mismatch(title, detail, expected.get(), actual));
    }

    /** Writes the golden file when the run's text differs from it; says what it did. */
    private Optional<String> record(Path golden, String text) {
        Optional<String> before = GoldenFile.read(golden);
        if (before.isPresent() && before.get().equals(text)) {
            return Optional.empty();
        }
        GoldenFile.write(golden, text);
        return Optional.of((before.isPresent() ? "updated " : "created ") + DisplayPath.of(golden, reportRoot));
    }

    private static String logTail(CaseRun run) {
        List<String> lines = run.log().lines().toList();
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder detail = new StringBuilder("  kernel log:\n");
        int from = Math.max(0, lines.size() - LOG_LINES_SHOWN);
        if (from > 0) {
            detail.append("  ... ").append(from).append(" lines before\n");
        }
        for (String line : lines.subList(from, lines.size())) {
            detail.append("  | ").append(line).append('\n');
        }
        return detail.toString().stripTrailing();
    }
}
