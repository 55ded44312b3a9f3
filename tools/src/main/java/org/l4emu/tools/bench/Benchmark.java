package org.l4emu.tools.bench;

import java.util.List;

/**
 * One figure {@code l4emu bench} measures: a guest image, how many operations lie between its
 * marks, and the target (ABI targets from BENCHMARKS.md).
 */
record Benchmark(String name, String image, long operations, Kind kind, double target) {
    enum Kind {
        /** Host nanoseconds per operation; lower is better. */
        NANOS_PER_OPERATION("ns/op"),
        /** Guest instructions per host second, in millions; higher is better. */
        MILLION_INSTRUCTIONS_PER_SECOND("M instr/s");

        final String unit;

        Kind(String unit) {
            this.unit = unit;
        }
    }

    static final double NO_TARGET = Double.NaN;

    static final List<Benchmark> ALL = List.of(
            new Benchmark("trap floor (system call that returns at once)", "bench_trap.elf", 1_000_000,
                    Kind.NANOS_PER_OPERATION, NO_TARGET),
            new Benchmark("same-space call/reply round trip", "bench_same.xml", 100_000,
                    Kind.NANOS_PER_OPERATION, 600),
            new Benchmark("cross-space call/reply round trip", "bench_cross.xml", 100_000,
                    Kind.NANOS_PER_OPERATION, 1800),
            new Benchmark("guest compute", "bench_compute.elf", 0, Kind.MILLION_INSTRUCTIONS_PER_SECOND, 500));

    boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /** The figure of one run. */
    double figure(long nanos, long instructions) {
        return switch (kind) {
            case NANOS_PER_OPERATION -> (double) nanos / operations;
            case MILLION_INSTRUCTIONS_PER_SECOND -> instructions * 1e3 / nanos;
        };
    }

    boolean meets(double figure) {
        return switch (kind) {
            case NANOS_PER_OPERATION -> figure <= target;
            case MILLION_INSTRUCTIONS_PER_SECOND -> figure >= target;
        };
    }
}
