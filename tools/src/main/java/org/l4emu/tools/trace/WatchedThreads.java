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

    /** Watches {@code thread}; its first state counts as a change. */
    void add(Thread thread) {
        if (count == threads.length) {
            threads = Arrays.copyOf(threads, count * 2);
            recorded = Arrays.copyOf(recorded, count * 2);
        }
        threads[count] = thread;
        recorded[count++] = null;
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
