package org.l4emu.kernel.trace;

import java.util.function.Consumer;
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

    /** How many times a thread's state has changed so far (the scheduler makes every change). */
    long threadStateChanges();

    /** The thread that runs next, or null when none is ready. */
    Thread currentThread();

    /**
     * Passes each thread queued to run, then each thread waiting in the timeout queue: an
     * invariant checker walks the queues once per check rather than searching them per thread.
     */
    void forEachQueued(Consumer<Thread> queuedToRun, Consumer<Thread> pendingTimeout);

    /** Word {@code index} of {@code thread}'s UTCB (message registers, ErrorCode, ...). */
    int utcbWord(Thread thread, int index);

    /** The word at {@code address} of physical memory. */
    int physicalWord(long address);

    /** Asks the run to return after the current event (for steppers, debuggers and fuzzers). */
    void requestStop();
}
