package org.l4emu.tools.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints results as an aligned table or as Markdown, each benchmark's architectures and engines
 * on adjacent rows, with ratios to the trap floor of the same architecture and engine; with more
 * than one engine, then the medians side by side, a column per architecture and engine.
 */
final class ResultTable {
    private final List<Result> results;
    private final boolean markdown;

    ResultTable(List<Result> results, boolean markdown) {
        this.results = results;
        this.markdown = markdown;
    }

    void print(PrintWriter out) {
        Map<String, Double> floors = new HashMap<>();
        for (Result result : results) {
            floors.putIfAbsent(result.column(), result.median());
        }
        String format = markdown ? "| %s | %s | %s | %s | %s | %s | %s | %s |%n"
                : "%-52s %-4s %-12s %14s %16s %17s %16s %7s%n";
        out.printf(Locale.ROOT, format, "benchmark", "arch", "engine", "median", "range", "target", "verdict",
                "x trap");
        if (markdown) {
            out.println("|---|---|---|---|---|---|---|---|");
        }
        for (Result result : sorted()) {
            Benchmark benchmark = result.benchmark();
            String unit = " " + benchmark.kind().unit;
            String ratio = benchmark.kind() == Benchmark.Kind.NANOS_PER_OPERATION
                    ? String.format(Locale.ROOT, "%.1f", result.median() / floors.get(result.column())) : "-";
            out.printf(Locale.ROOT, format, benchmark.name(), result.architecture().xmlName(), result.engine(),
                    number(result.median()) + unit, number(result.lowest()) + "-" + number(result.highest()),
                    Double.isNaN(result.limit()) ? "-" : target(result) + unit, result.verdict(), ratio);
        }
        Set<String> columns = new LinkedHashSet<>();
        for (Result result : sorted()) {
            columns.add(result.column());
        }
        printMonitorRatios(out, columns);
        if (columns.size() > results.stream().map(Result::architecture).distinct().count()) {
            out.println();
            printSideBySide(out, new ArrayList<>(columns));
        }
        out.flush();
    }

    /**
     * The one-monitor round trip against the direct one (its target: the ratio of the runs paired
     * with direct ones) and against the three-space ring (the same system calls and space entries
     * without a monitor; the ratio of the medians), per column.
     */
    private void printMonitorRatios(PrintWriter out, Set<String> columns) {
        boolean first = true;
        for (String column : columns) {
            Result monitored = result(Benchmark.ONE_MONITOR, column);
            Result ring = result(Benchmark.THREE_SPACE_RING, column);
            if (monitored == null || ring == null) {
                continue;
            }
            if (first) {
                out.println();
                first = false;
            }
            out.printf(Locale.ROOT, "%s: one monitor is %.2fx the direct round trip, %.2fx the three-space ring%n",
                    column, monitored.pairedRatio(), monitored.median() / ring.median());
        }
    }

    private Result result(String benchmark, String column) {
        return results.stream().filter(r -> r.benchmark().name().equals(benchmark) && r.column().equals(column))
                .findFirst().orElse(null);
    }

    /** One row per benchmark, one column per architecture and engine: the medians. */
    private void printSideBySide(PrintWriter out, List<String> columns) {
        StringBuilder header = new StringBuilder(markdown ? "| benchmark |" : String.format("%-52s", "benchmark"));
        for (String column : columns) {
            header.append(markdown ? " " + column + " |" : String.format(" %16s", column));
        }
        out.println(header);
        if (markdown) {
            out.println("|---|" + "---|".repeat(columns.size()));
        }
        for (Benchmark benchmark : Benchmark.ALL) {
            StringBuilder row = new StringBuilder(markdown ? "| " + benchmark.name() + " |"
                    : String.format("%-52s", benchmark.name()));
            boolean any = false;
            for (String column : columns) {
                Result found = results.stream().filter(r -> r.benchmark() == benchmark && r.column().equals(column))
                        .findFirst().orElse(null);
                String cell = found == null ? "-" : number(found.median()) + " " + benchmark.kind().unit;
                any |= found != null;
                row.append(markdown ? " " + cell + " |" : String.format(" %16s", cell));
            }
            if (any) {
                out.println(row);
            }
        }
    }

    private List<Result> sorted() {
        return results.stream()
                .sorted(Comparator.comparing((Result result) -> Benchmark.ALL.indexOf(result.benchmark()))
                        .thenComparing(Result::architecture).thenComparing(Result::engine))
                .toList();
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
