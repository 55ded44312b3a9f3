package org.l4emu.tools.trace;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu trace stats FILE}: messages per pair and per monitor, and time per thread state. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = {"Summarise a trace: messages per sender/receiver pair (each hop and end to end), "
                + "what each monitor did, errors, and each thread's running and blocked time (virtual)."})
final class TraceStatsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A trace written by 'l4emu boot --trace'.")
    private Path file;

    @Override
    public Integer call() {
        return TraceFiles.read(spec, file, reader -> {
            TraceStatistics stats = new TraceStatistics();
            TraceEvent event;
            while ((event = reader.next()) != null) {
                stats.add(event);
            }
            stats.finish();
            print(reader.header(), stats, spec.commandLine().getOut());
            TraceFiles.warnIfIncomplete(spec, reader, true);
        });
    }

    private static void print(TraceHeader header, TraceStatistics stats, PrintWriter out) {
        out.printf(Locale.ROOT, "trace of %s (%s): %d events, %.3f us, %d instructions%s%n", header.system(),
                header.image(), stats.events, stats.endNanos / 1000.0, stats.instructions,
                stats.exitCode == null ? ", incomplete" : ", exit code " + stats.exitCode);
        pairs(out, "messages, hop by hop", stats.hops);
        pairs(out, "messages, end to end (source as the receiver saw it -> final receiver)", stats.endToEnd);
        if (!stats.monitors.isEmpty()) {
            out.printf(Locale.ROOT, "%nmonitors%n  %-16s %10s %10s %10s %10s%n", "MONITOR", "REDIRECTED", "RECEIVED",
                    "FORWARDED", "NOTIFIED");
            stats.monitors.forEach((name, counts) -> out.printf(Locale.ROOT, "  %-16s %10d %10d %10d %10d%n", name,
                    counts.redirectedTo, counts.received, counts.forwarded, counts.notified));
        }
        out.printf(Locale.ROOT, "%nthreads (virtual microseconds)%n  %-16s %11s %11s %11s %11s %11s%n", "THREAD",
                "RUNNING", "BLOCKED", "SENDING", "RECEIVING", "AWAITING");
        stats.threads.forEach((name, times) -> out.printf(Locale.ROOT, "  %-16s %11.3f %11.3f %11.3f %11.3f %11.3f%n",
                name, times.runningNanos / 1000.0, times.blockedNanos() / 1000.0, micros(times, "sending"),
                micros(times, "receiving"), micros(times, "awaiting_delivery")));
        if (!stats.errors.isEmpty()) {
            out.printf(Locale.ROOT, "%nerrors%n");
            stats.errors.forEach((error, count) -> out.printf(Locale.ROOT, "  %6d  %s%n", count, error));
        }
        out.flush();
    }

    private static double micros(TraceStatistics.ThreadTimes times, String state) {
        return times.nanosByState.getOrDefault(state, 0L) / 1000.0;
    }

    private static void pairs(PrintWriter out, String title, Map<String, Long> counts) {
        out.printf(Locale.ROOT, "%n%s%n", title);
        if (counts.isEmpty()) {
            out.println("  (none)");
        }
        counts.forEach((pair, count) -> out.printf(Locale.ROOT, "  %6d  %s%n", count, pair));
    }
}
