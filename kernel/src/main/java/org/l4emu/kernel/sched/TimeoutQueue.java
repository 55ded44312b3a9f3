package org.l4emu.kernel.sched;

import java.util.Comparator;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;

/** Threads blocked with a finite timeout, ordered by deadline (ties by thread ID, for determinism). */
public final class TimeoutQueue {
    /** One comparison, not a chain of key extractors: every blocking IPC and every invariant check goes through it. */
    private static final Comparator<Thread> BY_DEADLINE_THEN_ID = (a, b) -> {
        int byDeadline = Long.compare(a.deadline(), b.deadline());
        return byDeadline != 0 ? byDeadline : Integer.compare(a.id(), b.id());
    };

    private final TreeSet<Thread> byDeadline = new TreeSet<>(BY_DEADLINE_THEN_ID);
    private final KernelEvents events;

    public TimeoutQueue() {
        this(KernelEvents.NONE);
    }

    /** {@code events} hears of every finite deadline set, and of its removal other than by expiry. */
    public TimeoutQueue(KernelEvents events) {
        this.events = events;
    }

    /** Sets {@code thread}'s deadline and queues it; {@link Thread#NO_DEADLINE} only clears. */
    public void schedule(Thread thread, long deadline) {
        cancel(thread);
        thread.setDeadline(deadline);
        if (deadline != Thread.NO_DEADLINE) {
            byDeadline.add(thread);
            events.deadlineChanged(thread, deadline);
        }
    }

    public void cancel(Thread thread) {
        if (thread.deadline() != Thread.NO_DEADLINE) {
            byDeadline.remove(thread);
            thread.setDeadline(Thread.NO_DEADLINE);
            events.deadlineChanged(thread, Thread.NO_DEADLINE);
        }
    }

    /** Passes every queued thread to {@code action} in queue order: by deadline, then ID (for checkers). */
    public void forEachQueued(Consumer<Thread> action) {
        for (Thread thread : byDeadline) {
            action.accept(thread);
        }
    }

    public boolean contains(Thread thread) {
        return thread.deadline() != Thread.NO_DEADLINE && byDeadline.contains(thread);
    }

    public boolean isEmpty() {
        return byDeadline.isEmpty();
    }

    /** The earliest deadline, or {@link Thread#NO_DEADLINE}. */
    public long earliest() {
        return byDeadline.isEmpty() ? Thread.NO_DEADLINE : byDeadline.first().deadline();
    }

    /** Removes and returns the earliest thread whose deadline is at or before {@code now}, or null. */
    public Thread pollExpired(long now) {
        if (byDeadline.isEmpty() || byDeadline.first().deadline() > now) {
            return null;
        }
        Thread thread = byDeadline.pollFirst();
        thread.setDeadline(Thread.NO_DEADLINE);
        return thread;
    }
}
