package org.l4emu.tools.bench;

import org.l4emu.emulator.Architecture;

/**
 * The median, lowest and highest figure of a benchmark's runs on one architecture's guests and one
 * engine (its label, such as "2.1.1"), and the figure its target allows ({@link Benchmark#NO_TARGET}
 * when it has none).
 */
record Result(Benchmark benchmark, Architecture architecture, String engine, double median, double lowest,
              double highest, double limit) {
    Result withLimit(double figure) {
        return new Result(benchmark, architecture, engine, median, lowest, highest, figure);
    }

    /** "arm/2.1.1": the column this result belongs to. */
    String column() {
        return architecture.xmlName() + "/" + engine;
    }

    String verdict() {
        if (Double.isNaN(limit)) {
            return "-";
        }
        boolean met = benchmark.kind().lowerIsBetter ? median <= limit : median >= limit;
        return met ? "met" : "NOT met";
    }
}
