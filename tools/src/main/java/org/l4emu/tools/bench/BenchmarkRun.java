package org.l4emu.tools.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootOptions;

/** One run of a benchmark's guest, plain or recording its trace as the benchmark says: its figure. */
final class BenchmarkRun {
    private BenchmarkRun() {
    }

    /** Boots {@code image} for {@code benchmark}, timing its marks by {@code clock} ({@link MarkTimer}'s). */
    static double figure(Benchmark benchmark, Path image, LongSupplier clock) throws Exception {
        MarkTimer timer = new MarkTimer(clock);
        int exit = benchmark.recordsTrace() ? TracedRun.run(image, timer)
                : Boot.run(image, BootOptions.DEFAULTS, OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream()), timer);
        if (exit != 0 || !timer.complete()) {
            throw new IllegalStateException(image + " did not run to its end mark (exit " + exit + ")");
        }
        return benchmark.figure(timer);
    }
}
