package org.l4emu.tools.trace;

import java.util.Arrays;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;

/**
 * The thread state changes and the CPU switch found at the end of a trap (or after an event
 * outside one), in the order they are recorded: a trace writes them after the step's other
 * events, and a held ipc trap compares them with its template's.
 */
final class StateChanges {
    private Thread[] threads = new Thread[8];
    private ThreadState[] states = new ThreadState[8];
    /** Where each thread was among the watched ones when found: a template's repeat finds its own there again. */
    private int[] watchedIndexes = new int[8];
    private int count;
    boolean switched;
    /** The thread the CPU switched to (null: idle), when {@link #switched}. */
    Thread switchedTo;

    void clear() {
        count = 0;
        switched = false;
        switchedTo = null;
    }

    void add(Thread thread, ThreadState state, int watchedIndex) {
        if (count == threads.length) {
            threads = Arrays.copyOf(threads, count * 2);
            states = Arrays.copyOf(states, count * 2);
            watchedIndexes = Arrays.copyOf(watchedIndexes, count * 2);
        }
        threads[count] = thread;
        watchedIndexes[count] = watchedIndex;
        states[count++] = state;
    }

    void switchTo(Thread next) {
        switched = true;
        switchedTo = next;
    }

    int count() {
        return count;
    }

    Thread thread(int index) {
        return threads[index];
    }

    ThreadState state(int index) {
        return states[index];
    }

    int watchedIndex(int index) {
        return watchedIndexes[index];
    }

    /** Takes the watched indexes of {@code same}, the same changes found again (the watched threads may have moved up since). */
    void indexesFrom(StateChanges same) {
        System.arraycopy(same.watchedIndexes, 0, watchedIndexes, 0, count);
    }

    /** True when a thread died. */
    boolean death() {
        for (int i = 0; i < count; i++) {
            if (states[i] == ThreadState.DEAD) {
                return true;
            }
        }
        return false;
    }

    boolean sameAs(StateChanges other) {
        if (count != other.count || switched != other.switched || switchedTo != other.switchedTo) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (threads[i] != other.threads[i] || states[i] != other.states[i]) {
                return false;
            }
        }
        return true;
    }

    void copyFrom(StateChanges other) {
        clear();
        for (int i = 0; i < other.count; i++) {
            add(other.threads[i], other.states[i], other.watchedIndexes[i]);
        }
        switched = other.switched;
        switchedTo = other.switchedTo;
    }
}
