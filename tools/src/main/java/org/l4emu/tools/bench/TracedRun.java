package org.l4emu.tools.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceRecorder;

/**
 * A benchmark run that records its whole trace into a temporary file, as {@code boot --trace}
 * does: the kernel reports to the recorder alone, which passes the guest's marks to the timer.
 */
final class TracedRun {
    private TracedRun() {}

    static int run(Path image, MarkTimer timer) throws IOException, BootException {
        SystemDescription description = Boot.describe(image);
        Path trace = Files.createTempFile("l4emu-bench", ".trace");
        try (TraceRecorder recorder = new TraceRecorder(Files.newOutputStream(trace), trace.toString(),
                TraceHeader.of(description, VirtualClock.NANOS_PER_INSTRUCTION))) {
            recorder.onBreakpoint(timer::breakpoint);
            return Boot.run(description, BootOptions.DEFAULTS, OutputStream.nullOutputStream(),
                    new PrintStream(OutputStream.nullOutputStream()), recorder);
        } finally {
            Files.deleteIfExists(trace);
        }
    }
}
