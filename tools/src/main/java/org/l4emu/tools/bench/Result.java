package org.l4emu.tools.bench;

/** The median, lowest and highest figure of a benchmark's runs. */
record Result(Benchmark benchmark, double median, double lowest, double highest) {
    String verdict() {
        if (!benchmark.hasTarget()) {
            return "-";
        }
        return benchmark.meets(median) ? "met" : "NOT met";
    }
}
