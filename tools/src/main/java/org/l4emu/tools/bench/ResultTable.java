package org.l4emu.tools.bench;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l4emu.emulator.Architecture;

/**
 * Prints results as an aligned table or as Markdown, each benchmark's architectures on adjacent
 * rows, with ratios to the trap floor of the same architecture.
 */
final class ResultTable {
    private final List<Result> results;
    private final boolean markdown;

    ResultTable(List<Result> results, boolean markdown) {
        this.results = results;
        this.markdown = markdown;
    }

    void print(PrintWriter out) {
        Map<Architecture, Double> floors = new EnumMap<>(Architecture.class);
        for (Result result : results) {
            floors.putIfAbsent(result.architecture(), result.median());
        }
        String format = markdown ? "| %s | %s | %s | %s | %s | %s | %s |%n" : "%-52s %-4s %14s %16s %17s %8s %7s%n";
        out.printf(Locale.ROOT, format, "benchmark", "arch", "median", "range", "target", "verdict", "x trap");
        if (markdown) {
            out.println("|---|---|---|---|---|---|---|");
        }
        List<Result> byBenchmark = results.stream()
                .sorted(Comparator.comparing((Result result) -> Benchmark.ALL.indexOf(result.benchmark()))
                        .thenComparing(Result::architecture))
                .toList();
        for (Result result : byBenchmark) {
            Benchmark benchmark = result.benchmark();
            String unit = " " + benchmark.kind().unit;
            String ratio = benchmark.kind() == Benchmark.Kind.NANOS_PER_OPERATION
                    ? String.format(Locale.ROOT, "%.1f", result.median() / floors.get(result.architecture())) : "-";
            out.printf(Locale.ROOT, format, benchmark.name(), result.architecture().xmlName(),
                    number(result.median()) + unit, number(result.lowest()) + "-" + number(result.highest()),
                    Double.isNaN(result.limit()) ? "-" : target(result) + unit, result.verdict(), ratio);
        }
        out.flush();
    }

    private static String target(Result result) {
        Benchmark benchmark = result.benchmark();
        String sign = benchmark.kind().lowerIsBetter ? "<= " : ">= ";
        String multiple = benchmark.baseline() == null ? "" : number(benchmark.target()) + "x = ";
        return sign + multiple + number(result.limit());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
