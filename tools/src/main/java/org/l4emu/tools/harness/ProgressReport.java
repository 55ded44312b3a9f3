package org.l4emu.tools.harness;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.l4emu.emulator.Architecture;

/**
 * What {@code l4emu test} prints: one line per case as results come in (in the cases' order),
 * then each failure with its diff, a line per failure naming its first problem, and "N passed, N
 * failed".
 */
public final class ProgressReport {
    private final PrintWriter out;
    private final Path workingDirectory;
    private int nameWidth;

    public ProgressReport(PrintWriter out, Path workingDirectory) {
        this.out = out;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public void started(List<CaseLocation> cases, Architecture architecture, int threads) {
        nameWidth = cases.stream().mapToInt(location -> location.name().length()).max().orElse(0);
        out.printf(Locale.ROOT, "l4emu test: %d case%s on %s, %d at a time%n", cases.size(),
                cases.size() == 1 ? "" : "s", architecture.xmlName(), Math.min(threads, Math.max(1, cases.size())));
        out.flush();
    }

    public void finished(CaseResult result) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-5s %-" + nameWidth + "s",
                result.status(), result.name()));
        if (result.run() != null) {
            line.append(String.format(Locale.ROOT, "  %5.2f s", result.run().elapsed().toNanos() / 1e9));
        }
        for (String update : result.updates()) {
            line.append("  (").append(update).append(')');
        }
        if (result.status() == CaseResult.Status.SKIP) {
            line.append("  (").append(result.reason()).append(')');
        }
        out.println(line.toString().stripTrailing());
        out.flush();
    }

    /** Each failure with its details, then one line per failure (its first problem), then the counts. */
    public void summary(List<CaseResult> results) {
        List<CaseResult> failed = results.stream().filter(CaseResult::failed).toList();
        long skipped = results.stream().filter(result -> result.status() == CaseResult.Status.SKIP).count();
        for (CaseResult result : failed) {
            out.println();
            out.println(result.status() + " " + result.name() + "  ("
                    + DisplayPath.of(result.location().file(), workingDirectory) + ")");
            for (String line : result.describeProblems().split("\n")) {
                out.println("  " + line);
            }
        }
        if (!failed.isEmpty()) {
            out.println();
            for (CaseResult result : failed) {
                out.println(result.status() + " " + result.name() + ": " + headline(result));
            }
        }
        out.println();
        // The closing line CI recognises: "N passed, N failed" (", N skipped").
        out.printf(Locale.ROOT, "%d passed, %d failed%s%n", results.size() - failed.size() - skipped, failed.size(),
                skipped == 0 ? "" : ", " + skipped + " skipped");
        out.flush();
    }

    private static String headline(CaseResult result) {
        return result.mismatches().isEmpty() ? result.reason() : result.mismatches().getFirst().title();
    }
}
