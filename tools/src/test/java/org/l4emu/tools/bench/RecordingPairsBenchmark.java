package org.l4emu.tools.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootOptions;

/**
 * Micro benchmark (not a unit test): the check of {@code l4emu bench}'s recording figure outside
 * it. One JVM boots a round-trip guest (default {@code bench_cross.xml}) plainly and with the
 * trace recorder, alternating (the order flips each pair), after uncounted pairs; CPU time of
 * the guests' thread between the guest's marks; it prints the median of the pairs' ratios and
 * both medians. Run it in many JVMs and take the median of theirs: one JVM's compilation of the
 * trap path moves its ratio by up to 0.1x (BENCHMARKS.md, session 20). Started as the launcher
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
        Benchmark benchmark = Benchmark.named(Benchmark.CROSS_SPACE);
        double[] plain = new double[pairs];
        double[] recording = new double[pairs];
        double[] ratios = new double[pairs];
        for (int pair = -warmups; pair < pairs; pair++) {
            double plainFigure;
            double recordingFigure;
            if (Math.floorMod(pair, 2) == 0) {
                plainFigure = benchmark.figure(plainRun(image));
                recordingFigure = benchmark.figure(recordingRun(image));
            } else {
                recordingFigure = benchmark.figure(recordingRun(image));
                plainFigure = benchmark.figure(plainRun(image));
            }
            if (pair >= 0) {
                plain[pair] = plainFigure;
                recording[pair] = recordingFigure;
                ratios[pair] = recordingFigure / plainFigure;
            }
        }
        Arrays.sort(plain);
        Arrays.sort(recording);
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "ratio %.3f  plain %.0f ns  recording %.0f ns a round trip%n",
                ratios[pairs / 2], plain[pairs / 2], recording[pairs / 2]);
    }

    private static MarkTimer plainRun(Path image) throws Exception {
        MarkTimer timer = new MarkTimer(MarkTimer.THREAD_CPU);
        Boot.run(image, BootOptions.DEFAULTS, OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream()), timer);
        return complete(timer, image);
    }

    private static MarkTimer recordingRun(Path image) throws Exception {
        MarkTimer timer = new MarkTimer(MarkTimer.THREAD_CPU);
        TracedRun.run(image, timer);
        return complete(timer, image);
    }

    private static MarkTimer complete(MarkTimer timer, Path image) {
        if (!timer.complete()) {
            throw new IllegalStateException(image + " did not run to its end mark");
        }
        return timer;
    }
}
