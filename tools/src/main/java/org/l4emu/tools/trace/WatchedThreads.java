package org.l4emu.tools.trace;

import java.util.Arrays;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;

/**
 * The threads a trace recorder watches for state changes, in definition order, each with the
 * state it recorded last, and the kernel's count of state changes when every state was last
 * recorded. Plain arrays: the recorder looks at them at the end of every trap, and compares
 * them all only when the count says some state changed.
 */
final class WatchedThreads {
    private Thread[] threads = new Thread[16];
    private ThreadState[] recorded = new ThreadState[16];
    private int count;
    /** The kernel's count of state changes when every watched state was last recorded, or {@link #UNKNOWN}. */
    private long changesRecorded = UNKNOWN;
    /** A thread was added since: its first state is still to come. */
    private static final long UNKNOWN = -1;

    /** Watches {@code thread}; its first state counts as a change. */
    void add(Thread thread) {
        if (count == threads.length) {
            threads = Arrays.copyOf(threads, count * 2);
            recorded = Arrays.copyOf(recorded, count * 2);
        }
        threads[count] = thread;
        recorded[count++] = null;
        changesRecorded = UNKNOWN;
    }

    /**
     * Adds to {@code into} each watched thread whose state changed since recorded last, and
     * records it; the kernel has made {@code kernelChanges} state changes so far. Unless
     * {@code always}, no state is compared while that count is the one last recorded.
     */
    void collectChanges(StateChanges into, long kernelChanges, boolean always) {
        if (!always && kernelChanges == changesRecorded) {
            return;
        }
        for (int i = 0; i < count; i++) {
            ThreadState state = changed(i);
            if (state != null) {
                into.add(threads[i], state, i);
            }
        }
        changesRecorded = kernelChanges;
    }

    /**
     * True when the changes since the states were last all recorded are exactly {@code changes},
     * the kernel having made {@code kernelChanges} state changes so far: each of these threads
     * changed to its state, and the count grew by no more, so no other thread changed. The
     * changes are then those {@link #collectChanges} would find, and {@link #record} records them.
     */
    boolean changedExactlyAs(StateChanges changes, long kernelChanges) {
        if (changesRecorded == UNKNOWN || kernelChanges - changesRecorded != changes.count()) {
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

    /** Records the states of {@code changes}, found by {@link #changedExactlyAs} at {@code kernelChanges}. */
    void record(StateChanges changes, long kernelChanges) {
        for (int i = 0; i < changes.count(); i++) {
            recorded[changes.watchedIndex(i)] = changes.state(i);
        }
        changesRecorded = kernelChanges;
    }

    /** The state of thread {@code index} if it changed since recorded last (it counts as recorded now), else null. */
    private ThreadState changed(int index) {
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
