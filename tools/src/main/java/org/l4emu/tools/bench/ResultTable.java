package org.l4emu.tools.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints results as an aligned table or as Markdown, with ratios to the trap floor of the same run. */
final class ResultTable {
    private final List<Result> results;
    private final boolean markdown;

    ResultTable(List<Result> results, boolean markdown) {
        this.results = results;
        this.markdown = markdown;
    }

    void print(PrintWriter out) {
        double floor = results.getFirst().median();
        String format = markdown ? "| %s | %s | %s | %s | %s | %s |%n" : "%-48s %14s %16s %17s %8s %7s%n";
        out.printf(Locale.ROOT, format, "benchmark", "median", "range", "target", "verdict", "x trap");
        if (markdown) {
            out.println("|---|---|---|---|---|---|");
        }
        for (Result result : results) {
            Benchmark benchmark = result.benchmark();
            String unit = " " + benchmark.kind().unit;
            String ratio = benchmark.kind() == Benchmark.Kind.NANOS_PER_OPERATION
                    ? String.format(Locale.ROOT, "%.1f", result.median() / floor) : "-";
            out.printf(Locale.ROOT, format, benchmark.name(), number(result.median()) + unit,
                    number(result.lowest()) + "-" + number(result.highest()),
                    benchmark.hasTarget() ? target(benchmark) + unit : "-", result.verdict(), ratio);
        }
        out.flush();
    }

    private static String target(Benchmark benchmark) {
        String sign = benchmark.kind() == Benchmark.Kind.NANOS_PER_OPERATION ? "<= " : ">= ";
        return sign + number(benchmark.target());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
