package org.l4emu.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * Host time and guest instructions between the benchmark marks: kdebug breakpoint 1 starts the
 * measured stretch, breakpoint 2 ends it (guest-programs/src/common/bench.h). Breakpoint 3, if
 * a guest marks it, is where the host's resident memory is read, after a garbage collection.
 * Host time is the monotonic clock, or the CPU time of the thread that runs the guests (the
 * marks come on it): on a machine shared with other work, that one counts only this run.
 */
final class MarkTimer implements KernelEvents {
    /** Wall time. */
    static final LongSupplier WALL = System::nanoTime;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU time of the calling thread, user and system. */
    static final LongSupplier THREAD_CPU = THREADS::getCurrentThreadCpuTime;

    static final int START = 1;
    static final int END = 2;
    static final int SAMPLE = 3;

    private long startNanos = -1;
    private long endNanos = -1;
    private long startInstructions;
    private long endInstructions;
    private long residentBytes = -1;
    private final LongSupplier clock;

    MarkTimer(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void breakpoint(Thread thread, int argument) {
        long now = clock.getAsLong();
        if (argument == START) {
            startNanos = now;
            startInstructions = thread.instructionsRetired();
        } else if (argument == END) {
            endNanos = now;
            endInstructions = thread.instructionsRetired();
        } else if (argument == SAMPLE) {
            // Garbage of earlier runs in this JVM is not the guest's: collect it, so that the
            // heap shrinks to what is live, before reading the resident memory.
            System.gc();
            residentBytes = ResidentMemory.bytes();
        }
    }

    /** The host's resident memory at the sample mark, or -1 when there was none. */
    long residentBytes() {
        return residentBytes;
    }

    boolean complete() {
        return startNanos >= 0 && endNanos >= startNanos;
    }

    long nanos() {
        return endNanos - startNanos;
    }

    long instructions() {
        return endInstructions - startInstructions;
    }
}
