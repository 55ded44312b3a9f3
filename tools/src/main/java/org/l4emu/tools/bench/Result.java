package org.l4emu.tools.bench;

import org.l4emu.emulator.Architecture;

/**
 * The median, lowest and highest figure of a benchmark's runs on one architecture's guests, and
 * the figure its target allows ({@link Benchmark#NO_TARGET} when it has none).
 */
record Result(Benchmark benchmark, Architecture architecture, double median, double lowest, double highest,
              double limit) {
    Result withLimit(double figure) {
        return new Result(benchmark, architecture, median, lowest, highest, figure);
    }

    String verdict() {
        if (Double.isNaN(limit)) {
            return "-";
        }
        boolean met = benchmark.kind().lowerIsBetter ? median <= limit : median >= limit;
        return met ? "met" : "NOT met";
    }
}
