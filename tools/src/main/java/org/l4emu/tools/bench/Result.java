package org.l4emu.tools.bench;

import org.l4emu.emulator.Architecture;

/** The median, lowest and highest figure of a benchmark's runs on one architecture's guests. */
record Result(Benchmark benchmark, Architecture architecture, double median, double lowest, double highest) {
    String verdict() {
        if (!benchmark.hasTarget()) {
            return "-";
        }
        return benchmark.meets(median) ? "met" : "NOT met";
    }
}
