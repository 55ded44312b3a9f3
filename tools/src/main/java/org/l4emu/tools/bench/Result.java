package org.l4emu.tools.bench;

import java.util.Locale;
import org.l4emu.emulator.Architecture;

/**
 * The median, lowest and highest figure of a benchmark's runs on one architecture's guests and one
 * engine (its label, such as "2.1.1"), and the figure its target allows ({@link Benchmark#NO_TARGET}
 * when it has none). A benchmark with a baseline also has {@code pairedRatio}: each of its runs
 * came right after a run of the baseline, and this is the median of the runs' ratios to those
 * (NaN for other benchmarks). Its target is judged by that ratio, which a machine's speed moving
 * during the minutes of a whole bench leaves alone, unlike the ratio of two medians taken apart.
 */
record Result(Benchmark benchmark, Architecture architecture, String engine, double median, double lowest,
              double highest, double limit, double pairedRatio) {
    static final double NO_RATIO = Double.NaN;

    Result(Benchmark benchmark, Architecture architecture, String engine, double median, double lowest,
           double highest) {
        this(benchmark, architecture, engine, median, lowest, highest, Benchmark.NO_TARGET, NO_RATIO);
    }

    Result withLimit(double figure) {
        return new Result(benchmark, architecture, engine, median, lowest, highest, figure, pairedRatio);
    }

    Result withPairedRatio(double ratio) {
        return new Result(benchmark, architecture, engine, median, lowest, highest, limit, ratio);
    }

    /** "arm/2.1.1": the column this result belongs to. */
    String column() {
        return architecture.xmlName() + "/" + engine;
    }

    /** "met" or "NOT met"; for a paired benchmark judged by its ratio, which follows: "NOT met (1.42x)". */
    String verdict() {
        if (!Double.isNaN(pairedRatio)) {
            return String.format(Locale.ROOT, "%s (%.2fx)", meets(pairedRatio, benchmark.target()) ? "met" : "NOT met",
                    pairedRatio);
        }
        if (Double.isNaN(limit)) {
            return "-";
        }
        return meets(median, limit) ? "met" : "NOT met";
    }

    /** True when {@code figure} is on the good side of {@code bound}, as the benchmark's kind counts it. */
    private boolean meets(double figure, double bound) {
        return benchmark.kind().lowerIsBetter ? figure <= bound : figure >= bound;
    }
}
