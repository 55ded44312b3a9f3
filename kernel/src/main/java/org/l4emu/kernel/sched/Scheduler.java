package org.l4emu.kernel.sched;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;

/**
 * Fixed-priority round-robin scheduling over READY threads. The running thread keeps the CPU
 * until it blocks, yields, uses up its time slice, or a higher-priority thread becomes ready.
 *
 * <p>One FIFO queue per priority and a bitmap of the non-empty ones, as L4 kernels keep them:
 * every call runs on the IPC path, so none may search a map or allocate.
 */
public final class Scheduler {
    /** 10 ms of virtual time, the L4 default time slice. */
    public static final long TIME_SLICE_INSTRUCTIONS = Abi.Time.TIME_SLICE_INSTRUCTIONS;
    /** Priorities 0..255, as system descriptions allow. */
    private static final int PRIORITIES = 256;

    @SuppressWarnings("unchecked")
    private final ArrayDeque<Thread>[] readyByPriority = new ArrayDeque[PRIORITIES];
    /** Bit p set when priority p's queue is not empty. */
    private final long[] nonEmpty = new long[PRIORITIES / Long.SIZE];
    /** Thread states changed so far: every change goes through here. */
    private long stateChanges;

    /** Makes {@code thread} READY at the tail of its priority's queue. */
    public void makeReady(Thread thread) {
        if (thread.state() == ThreadState.READY) {
            return;
        }
        changeState(thread, ThreadState.READY);
        if (thread.sliceRemaining() <= 0) {
            thread.setSliceRemaining(TIME_SLICE_INSTRUCTIONS);
        }
        queueOf(thread.priority()).addLast(thread);
        nonEmpty[thread.priority() >>> 6] |= 1L << thread.priority();
    }

    /** Takes {@code thread} out of the ready queues and gives it {@code state}. */
    public void block(Thread thread, ThreadState state) {
        if (thread.state() == ThreadState.READY) {
            ArrayDeque<Thread> queue = readyByPriority[thread.priority()];
            queue.remove(thread);
            if (queue.isEmpty()) {
                nonEmpty[thread.priority() >>> 6] &= ~(1L << thread.priority());
            }
        }
        if (thread.state() != state) {
            changeState(thread, state);
        }
    }

    /** The one place a thread's state changes, so that {@link #stateChanges} counts every change. */
    private void changeState(Thread thread, ThreadState state) {
        thread.setState(state);
        stateChanges++;
    }

    /**
     * How many times a thread's state has changed so far: an observer that saw the states at one
     * count knows them unchanged while the count stays, and that at most this many changed since.
     */
    public long stateChanges() {
        return stateChanges;
    }

    /** The highest-priority READY thread (the head of its queue), or null when none is ready. */
    public Thread current() {
        for (int word = nonEmpty.length - 1; word >= 0; word--) {
            if (nonEmpty[word] != 0) {
                int priority = word * Long.SIZE + Long.SIZE - 1 - Long.numberOfLeadingZeros(nonEmpty[word]);
                return readyByPriority[priority].peekFirst();
            }
        }
        return null;
    }

    /** Passes every queued thread to {@code action}, each priority's queue in order (for checkers). */
    public void forEachQueued(Consumer<Thread> action) {
        for (int word = nonEmpty.length - 1; word >= 0; word--) {
            for (long bits = nonEmpty[word]; bits != 0; bits &= bits - 1) {
                ArrayDeque<Thread> queue = readyByPriority[word * Long.SIZE + Long.numberOfTrailingZeros(bits)];
                for (Thread thread : queue) {
                    action.accept(thread);
                }
            }
        }
    }

    public boolean isQueued(Thread thread) {
        ArrayDeque<Thread> queue = readyByPriority[thread.priority()];
        return queue != null && queue.contains(thread);
    }

    /** Moves a READY thread to the tail of its queue with a fresh slice (end of slice, yield). */
    public void rotate(Thread thread) {
        if (thread.state() != ThreadState.READY) {
            return;
        }
        ArrayDeque<Thread> queue = readyByPriority[thread.priority()];
        queue.remove(thread);
        thread.setSliceRemaining(TIME_SLICE_INSTRUCTIONS);
        queue.addLast(thread);
    }

    /** Lets a READY thread run next among its priority (thread_switch donation). */
    public void runNext(Thread thread) {
        if (thread.state() != ThreadState.READY) {
            return;
        }
        ArrayDeque<Thread> queue = readyByPriority[thread.priority()];
        queue.remove(thread);
        queue.addFirst(thread);
    }

    private ArrayDeque<Thread> queueOf(int priority) {
        ArrayDeque<Thread> queue = readyByPriority[priority];
        if (queue == null) {
            queue = new ArrayDeque<>();
            readyByPriority[priority] = queue;
        }
        return queue;
    }
}
