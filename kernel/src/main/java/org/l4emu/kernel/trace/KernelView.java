package org.l4emu.kernel.trace;

import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadDirectory;
import org.l4emu.kernel.sched.VirtualTime;

/**
 * What observers may ask of a running kernel ({@link KernelEvents#booted}): queries that change
 * nothing, and a request to pause the run. Answers are those of the moment of the event being
 * reported.
 */
public interface KernelView {
    ThreadDirectory threads();

    VirtualTime clock();

    /** Instructions retired by every guest thread so far. */
    long instructions();

    /** The thread that runs next, or null when none is ready. */
    Thread currentThread();

    /** True when {@code thread} is queued to run (for invariant checks). */
    boolean isQueuedToRun(Thread thread);

    /** True when {@code thread} waits in the timeout queue (for invariant checks). */
    boolean hasPendingTimeout(Thread thread);

    /** Word {@code index} of {@code thread}'s UTCB (message registers, ErrorCode, ...). */
    int utcbWord(Thread thread, int index);

    /** The word at {@code address} of physical memory. */
    int physicalWord(long address);

    /** Asks the run to return after the current event (for steppers, debuggers and fuzzers). */
    void requestStop();
}
