package org.l4emu.kernel.sched;

import java.util.ArrayDeque;
import java.util.TreeMap;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;

/**
 * Fixed-priority round-robin scheduling over READY threads. The running thread keeps the CPU
 * until it blocks, yields, uses up its time slice, or a higher-priority thread becomes ready.
 */
public final class Scheduler {
    /** 10 ms of virtual time, the L4 default time slice. */
    public static final long TIME_SLICE_INSTRUCTIONS = 1_000_000;

    private final TreeMap<Integer, ArrayDeque<Thread>> readyByPriority = new TreeMap<>();

    /** Makes {@code thread} READY at the tail of its priority's queue. */
    public void makeReady(Thread thread) {
        if (thread.state() == ThreadState.READY) {
            return;
        }
        thread.setState(ThreadState.READY);
        if (thread.sliceRemaining() <= 0) {
            thread.setSliceRemaining(TIME_SLICE_INSTRUCTIONS);
        }
        readyByPriority.computeIfAbsent(thread.priority(), p -> new ArrayDeque<>()).addLast(thread);
    }

    /** Takes {@code thread} out of the ready queues and gives it {@code state}. */
    public void block(Thread thread, ThreadState state) {
        if (thread.state() == ThreadState.READY) {
            ArrayDeque<Thread> queue = readyByPriority.get(thread.priority());
            queue.remove(thread);
        }
        thread.setState(state);
    }

    /** The highest-priority READY thread (the head of its queue), or null when none is ready. */
    public Thread current() {
        var entry = readyByPriority.lastEntry();
        while (entry != null && entry.getValue().isEmpty()) {
            readyByPriority.remove(entry.getKey());
            entry = readyByPriority.lastEntry();
        }
        return entry == null ? null : entry.getValue().peekFirst();
    }

    public boolean isQueued(Thread thread) {
        ArrayDeque<Thread> queue = readyByPriority.get(thread.priority());
        return queue != null && queue.contains(thread);
    }

    /** Moves a READY thread to the tail of its queue with a fresh slice (end of slice, yield). */
    public void rotate(Thread thread) {
        if (thread.state() != ThreadState.READY) {
            return;
        }
        ArrayDeque<Thread> queue = readyByPriority.get(thread.priority());
        queue.remove(thread);
        thread.setSliceRemaining(TIME_SLICE_INSTRUCTIONS);
        queue.addLast(thread);
    }

    /** Lets a READY thread run next among its priority (thread_switch donation). */
    public void runNext(Thread thread) {
        if (thread.state() != ThreadState.READY) {
            return;
        }
        ArrayDeque<Thread> queue = readyByPriority.get(thread.priority());
        queue.remove(thread);
        queue.addFirst(thread);
    }
}
