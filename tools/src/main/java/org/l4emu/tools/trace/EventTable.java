package org.l4emu.tools.trace;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints events as aligned rows: number, virtual time, instruction count, thread, kind, details. */
public final class EventTable {
    private final PrintWriter out;
    private final String format;

    public EventTable(PrintWriter out, int threadWidth) {
        this.out = out;
        this.format = "%7s %12s %12s  %-" + Math.max(6, threadWidth) + "s %-12s %s%n";
    }

    public void heading() {
        out.printf(Locale.ROOT, format, "SEQ", "TIME_US", "INSTRUCTIONS", "THREAD", "EVENT", "DETAILS");
    }

    public void row(TraceEvent event) {
        out.printf(Locale.ROOT, format, event.seq(), String.format(Locale.ROOT, "%.3f", event.timeMicros()),
                event.instructions(), event.threadName(), event.kind().jsonName(), EventText.describe(event));
    }
}
