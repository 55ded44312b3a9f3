package org.l4emu.tools.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Micro benchmark (not a unit test): the check of {@code l4emu bench}'s recording figure outside
 * it. One JVM boots a round-trip guest (default {@code bench_cross.xml}) plainly and with the
 * trace recorder, alternating (the order flips each pair), after uncounted pairs; CPU time of
 * the guests' thread between the guest's marks ({@link FigureRuns} and {@link BenchmarkRun}, as
 * {@code l4emu bench --cpu-time} runs the figure); it prints the median of the pairs' ratios and
 * the recording runs' median. Run it in many JVMs and take the median of theirs: one JVM's
 * compilation of the trap path moves its ratio by up to 0.1x (BENCHMARKS.md, session 20). Started as the launcher
 * starts l4emu, with its options and AOT cache, once {@code ./l4emu} and {@code ./run-tests} (or
 * {@code mvn test-compile}) have built it: {@code java @tools/src/main/resources/org/l4emu/tools/jvm.options
 * -XX:AOTCache=tools/target/l4emu.aot -cp tools/target/l4emu-tools.jar:tools/target/lib/*:tools/target/test-classes
 * org.l4emu.tools.bench.RecordingPairsBenchmark [IMAGE [PAIRS [WARMUP]]]}.
 */
public final class RecordingPairsBenchmark {
    private RecordingPairsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path image = Path.of(args.length > 0 ? args[0] : "guest-programs/target/arm/bench_cross.xml");
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Benchmark recording = Benchmark.named(Benchmark.RECORDING);
        Benchmark plain = Benchmark.named(recording.baseline());
        FigureRuns.Figures figures = FigureRuns.measure(warmups, pairs,
                () -> BenchmarkRun.figure(recording, image, MarkTimer.THREAD_CPU),
                () -> BenchmarkRun.figure(plain, image, MarkTimer.THREAD_CPU), run -> { });
        System.out.printf(Locale.ROOT, "ratio %.3f  recording %.0f ns a round trip (median)%n",
                figures.medianRatio(), figures.median());
    }
}
