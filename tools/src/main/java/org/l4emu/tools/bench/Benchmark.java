package org.l4emu.tools.bench;

import java.util.List;

/**
 * One figure {@code l4emu bench} measures: a guest image, how many operations lie between its
 * marks, and the target (ABI targets from BENCHMARKS.md). With a {@code baseline}, the target is
 * a multiple of that benchmark's median on the same architecture.
 */
record Benchmark(String name, String image, long operations, Kind kind, double target, boolean recordsTrace,
                 String baseline) {
    enum Kind {
        /** Host nanoseconds per operation; lower is better. */
        NANOS_PER_OPERATION("ns/op", true),
        /** Host microseconds per operation; lower is better. */
        MICROS_PER_OPERATION("us/op", true),
        /** Guest instructions per host second, in millions; higher is better. */
        MILLION_INSTRUCTIONS_PER_SECOND("M instr/s", false),
        /** The host process's resident memory at the guest's sample mark, in MiB; lower is better. */
        RESIDENT_MEBIBYTES("MiB RSS", true),
        /** Wall time of a whole {@code l4emu boot} process beyond a bare JVM start, in ms (see {@link BootTime}). */
        MILLIS_OVER_BARE_JVM("ms", true);

        final String unit;
        final boolean lowerIsBetter;

        Kind(String unit, boolean lowerIsBetter) {
            this.unit = unit;
            this.lowerIsBetter = lowerIsBetter;
        }
    }

    static final double NO_TARGET = Double.NaN;

    static final String CROSS_SPACE = "cross-space call/reply round trip";
    static final String ONE_MONITOR = "round trip through one system monitor";
    static final String THREE_SPACE_RING = "three-space ring, no monitor (same space entries)";
    static final String RECORDING = "cross-space round trip with trace recording";

    Benchmark(String name, String image, long operations, Kind kind, double target) {
        this(name, image, operations, kind, target, false, null);
    }

    Benchmark(String name, String image, long operations, Kind kind, double target, boolean recordsTrace) {
        this(name, image, operations, kind, target, recordsTrace, null);
    }

    static final List<Benchmark> ALL = List.of(
            new Benchmark("trap floor (system call that returns at once)", "bench_trap.elf", 1_000_000,
                    Kind.NANOS_PER_OPERATION, NO_TARGET),
            new Benchmark("same-space call/reply round trip", "bench_same.xml", 100_000,
                    Kind.NANOS_PER_OPERATION, 600),
            new Benchmark(CROSS_SPACE, "bench_cross.xml", 100_000, Kind.NANOS_PER_OPERATION, 1800),
            // The calls pass pass-through system monitors (bench_monitor.c); the replies go straight back.
            new Benchmark(ONE_MONITOR, "bench_monitor_one.xml", 100_000,
                    Kind.NANOS_PER_OPERATION, 2.5, false, CROSS_SPACE),
            // A monitored round trip's three system calls and space switches, without the monitor's kernel work.
            new Benchmark(THREE_SPACE_RING, "bench_ring.xml", 100_000, Kind.NANOS_PER_OPERATION, NO_TARGET),
            new Benchmark("round trip through three system monitors", "bench_monitor_three.xml", 100_000,
                    Kind.NANOS_PER_OPERATION, NO_TARGET),
            // Client and server in one task: two address spaces instead of three.
            new Benchmark("round trip through one monitor, two spaces only",
                    "bench_monitor_same.xml", 100_000, Kind.NANOS_PER_OPERATION, NO_TARGET),
            // Recording may make the round trip it records at most 1.3x slower (issue 4).
            new Benchmark(RECORDING, "bench_cross.xml", 100_000,
                    Kind.NANOS_PER_OPERATION, 1.3, true, CROSS_SPACE),
            new Benchmark("guest compute", "bench_compute.elf", 0, Kind.MILLION_INSTRUCTIONS_PER_SECOND, 500),
            new Benchmark("task creation (thread_control + exchange_registers)", "bench_tasks.xml", 1_000,
                    Kind.MICROS_PER_OPERATION, 10),
            new Benchmark("task creation and deletion, a pair", "bench_task_pairs.elf", 1_000,
                    Kind.MICROS_PER_OPERATION, 15),
            new Benchmark("1,000 tasks that each called one server", "bench_tasks.xml", 1_000,
                    Kind.RESIDENT_MEBIBYTES, 512),
            new Benchmark("l4emu boot hello.elf beyond a bare JVM start", "hello.elf", 1,
                    Kind.MILLIS_OVER_BARE_JVM, 400));

    /** The benchmark called {@code name}. */
    static Benchmark named(String name) {
        return ALL.stream().filter(benchmark -> benchmark.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown benchmark: " + name));
    }

    /** The figure of one run. */
    double figure(MarkTimer timer) {
        return switch (kind) {
            case NANOS_PER_OPERATION -> (double) timer.nanos() / operations;
            case MICROS_PER_OPERATION -> timer.nanos() / 1e3 / operations;
            case MILLION_INSTRUCTIONS_PER_SECOND -> timer.instructions() * 1e3 / timer.nanos();
            case MILLIS_OVER_BARE_JVM -> throw new IllegalStateException(name + " is measured by BootTime");
            case RESIDENT_MEBIBYTES -> {
                if (timer.residentBytes() < 0) {
                    throw new IllegalStateException(image + ": no resident memory sampled (no sample mark, or no"
                            + " /proc/self/status)");
                }
                yield timer.residentBytes() / (double) (1 << 20);
            }
        };
    }

    /** The target as a figure: {@code target}, or with a baseline that many times its median. */
    double limit(double baselineMedian) {
        return baseline == null ? target : target * baselineMedian;
    }
}
