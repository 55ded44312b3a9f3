package org.l4emu.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.l4emu.emulator.Architecture;

/**
 * The start-up figure: wall time of a whole {@code l4emu boot IMAGE} process beyond that of a
 * bare JVM start ({@code java -version}), each run in a fresh process, alternating. The boot is
 * started exactly as this process was started by the launcher (same java, options, AOT cache and
 * class path), so it is what a user of {@code ./l4emu} waits for, less the launcher script's own
 * few milliseconds. The runs start once this JVM's compiler has finished what the benchmarks
 * before set off: its threads would otherwise take a core from the boots measured.
 */
final class BootTime {
    /** How long this JVM's compiler must have been idle before the runs start. */
    private static final long QUIET_NANOS = 300_000_000L;
    /** The longest wait for it. */
    private static final long MAX_WAIT_NANOS = 10_000_000_000L;
    private static final long POLL_MILLIS = 50;

    private final PrintWriter progress;

    BootTime(PrintWriter progress) {
        this.progress = progress;
    }

    Result measure(Benchmark benchmark, Architecture architecture, String engine, Path image, int runs)
            throws IOException, InterruptedException {
        List<String> boot = bootCommand(image);
        List<String> bare = List.of(boot.getFirst(), "-XX:+UseSerialGC", "-version");
        awaitIdleCompiler();
        double[] beyond = new double[runs];
        double[] bareMillis = new double[runs];
        double[] bootMillis = new double[runs];
        for (int run = 0; run < runs; run++) {
            bareMillis[run] = millis(bare);
            bootMillis[run] = millis(boot);
            beyond[run] = bootMillis[run] - bareMillis[run];
            progress.printf(Locale.ROOT, "l4emu bench: %s on %s, run %d of %d: boot %.0f ms, bare JVM %.0f ms%n",
                    benchmark.name(), architecture.xmlName(), run + 1, runs, bootMillis[run], bareMillis[run]);
        }
        Arrays.sort(beyond);
        Arrays.sort(bareMillis);
        Arrays.sort(bootMillis);
        progress.printf(Locale.ROOT, "l4emu bench: median boot %.0f ms, median bare JVM %.0f ms%n",
                bootMillis[runs / 2], bareMillis[runs / 2]);
        return new Result(benchmark, architecture, engine, beyond[runs / 2], beyond[0], beyond[runs - 1]);
    }

    /** Waits until this JVM's JIT has compiled nothing for {@link #QUIET_NANOS}, or {@link #MAX_WAIT_NANOS} at most. */
    private static void awaitIdleCompiler() throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        long compiled = compiler.getTotalCompilationTime();
        long idleSince = System.nanoTime();
        while (System.nanoTime() - idleSince < QUIET_NANOS && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            long now = compiler.getTotalCompilationTime();
            if (now != compiled) {
                compiled = now;
                idleSince = System.nanoTime();
            }
        }
    }

    /** This process's own command line with {@code boot IMAGE --quiet} as the arguments. */
    private static List<String> bootCommand(Path image) {
        List<String> command = new ArrayList<>(ChildJvm.command());
        command.addAll(List.of("boot", image.toString(), "--quiet"));
        return command;
    }

    private static double millis(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        long nanos = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return nanos / 1e6;
    }
}
