package org.l4emu.tools.trace;

/**
 * One event of a trace: its number (from 0), virtual time in nanoseconds, the global count of
 * retired guest instructions, the thread it concerns (null for the kernel or an idle CPU) and
 * what it says.
 */
public record TraceEvent(long seq, long timeNanos, long instructions, EventKind kind, ThreadInfo thread,
                         EventDetail detail) {
    public double timeMicros() {
        return timeNanos / 1000.0;
    }

    public String threadName() {
        return thread == null ? "-" : thread.name();
    }
}
