package org.l4emu.tools.trace;

import java.util.Arrays;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;

/**
 * The threads a trace recorder watches for state changes, in definition order, each with the
 * state it recorded last. Plain arrays: the recorder scans them at the end of every trap.
 */
final class WatchedThreads {
    private Thread[] threads = new Thread[16];
    private ThreadState[] recorded = new ThreadState[16];
    private int count;
    /** A thread was added since the states were last all recorded: its first state is still to come. */
    private boolean unrecorded;

    /** Watches {@code thread}; its first state counts as a change. */
    void add(Thread thread) {
        if (count == threads.length) {
            threads = Arrays.copyOf(threads, count * 2);
            recorded = Arrays.copyOf(recorded, count * 2);
        }
        threads[count] = thread;
        recorded[count++] = null;
        unrecorded = true;
    }

    /** True when a thread was added since {@link #allRecorded}. */
    boolean unrecorded() {
        return unrecorded;
    }

    /** Every watched thread's state has just been compared ({@link #changed}). */
    void allRecorded() {
        unrecorded = false;
    }

    /**
     * True when the changes since the states were last all recorded are exactly {@code changes},
     * the kernel having made {@code changesSince} state changes since then: each of these threads
     * changed to its state, and no more changes were made, so no other thread changed. The
     * changes are then as {@link #changed} would find them, and {@link #record} records them.
     */
    boolean changedExactlyAs(StateChanges changes, long changesSince) {
        if (unrecorded || changesSince != changes.count()) {
            return false;
        }
        for (int i = 0; i < changes.count(); i++) {
            int index = changes.watchedIndex(i);
            Thread thread = changes.thread(i);
            ThreadState state = changes.state(i);
            if (index >= count || threads[index] != thread || thread.state() != state || recorded[index] == state) {
                return false;
            }
        }
        return true;
    }

    /** Records the states of {@code changes}, found by {@link #changedExactlyAs}. */
    void record(StateChanges changes) {
        for (int i = 0; i < changes.count(); i++) {
            recorded[changes.watchedIndex(i)] = changes.state(i);
        }
    }

    int count() {
        return count;
    }

    Thread thread(int index) {
        return threads[index];
    }

    /** The state of thread {@code index} if it changed since recorded last (it counts as recorded now), else null. */
    ThreadState changed(int index) {
        ThreadState state = threads[index].state();
        if (state == recorded[index]) {
            return null;
        }
        recorded[index] = state;
        return state;
    }

    /** Stops watching the threads recorded dead: they never change again, and threads may come and go for ever. */
    void dropDead() {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (recorded[i] != ThreadState.DEAD) {
                threads[kept] = threads[i];
                recorded[kept++] = recorded[i];
            }
        }
        Arrays.fill(threads, kept, count, null);
        count = kept;
    }
}
