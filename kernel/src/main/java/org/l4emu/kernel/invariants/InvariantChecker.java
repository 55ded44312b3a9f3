package org.l4emu.kernel.invariants;

import java.util.List;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadDirectory;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;

/**
 * Checks every {@link Invariant} over every thread after each trap the kernel handles, and
 * throws an {@link InvariantViolationException} naming the first that does not hold. For
 * fuzzing and hostile-guest tests: it costs a walk over all threads and their queues per trap.
 * A system that has created more than {@link #EVERY_TRAP_LIMIT} threads (dead ones included)
 * is checked after every k-th trap instead, k growing with the thread count, so that checking
 * a run that creates thousands of threads stays linear rather than quadratic.
 */
public final class InvariantChecker implements KernelEvents {
    public static final int EVERY_TRAP_LIMIT = 1024;

    private final WaitQueues queues = new WaitQueues();
    private final QueueMembership membership = new QueueMembership();
    private KernelView kernel;
    private long checks;
    private long trapsSinceCheck;
    private long threadsAtLastQuotaCheck = -1;

    @Override
    public void booted(KernelView kernel) {
        this.kernel = kernel;
    }

    @Override
    public void trapHandled(Thread thread) {
        trapsSinceCheck++;
        if (trapsSinceCheck * EVERY_TRAP_LIMIT >= kernel.threads().all().size()) {
            trapsSinceCheck = 0;
            check();
        }
    }

    /** Checks every invariant now; the kernel must have booted. */
    public void check() {
        ThreadDirectory threads = kernel.threads();
        List<Thread> all = threads.all();
        queues.collect(all);
        membership.collect(kernel);
        for (int i = 0; i < all.size(); i++) {
            Thread thread = all.get(i);
            ThreadStateChecks.check(membership, thread);
            WaitChecks.check(threads, queues, thread);
        }
        // A task can only pass its thread quota when a thread joins it: the live counts are
        // taken again only when the tasks' thread lists have grown.
        List<Task> tasks = threads.tasks();
        long taskThreads = 0;
        for (int i = 0; i < tasks.size(); i++) {
            taskThreads += tasks.get(i).threads().size();
        }
        if (taskThreads != threadsAtLastQuotaCheck) {
            threadsAtLastQuotaCheck = taskThreads;
            for (int i = 0; i < tasks.size(); i++) {
                QuotaChecks.check(tasks.get(i));
            }
        }
        checks++;
    }

    /** How many times every invariant was checked. */
    public long checks() {
        return checks;
    }
}
