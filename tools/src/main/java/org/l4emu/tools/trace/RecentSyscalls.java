package org.l4emu.tools.trace;

import java.util.Arrays;

/**
 * The last few syscall events of a trace, each its number and arguments: the recorder writes a
 * syscall that repeats one of them as a reference to it, and the reader keeps the same ones to
 * resolve it (version 3). A round trip's two threads, or a monitor's three, repeat their calls.
 */
final class RecentSyscalls {
    /** How far back a reference reaches: form k names the k-th most recent, 1 to {@value}. */
    static final int DEPTH = 4;
    /** The most arguments a system call reads (ABI section 3). */
    static final int MAX_ARGUMENTS = 4;

    private final int[] numbers = new int[DEPTH];
    private final int[][] arguments = new int[DEPTH][MAX_ARGUMENTS];
    private int size;
    /** Where the most recent one is. */
    private int newest = DEPTH - 1;

    /** The k (1 = most recent) of a kept syscall with this number and these first {@code count} arguments, or 0. */
    int find(int number, int[] values, int count) {
        for (int k = 1; k <= size; k++) {
            int at = slot(k);
            if (numbers[at] == number && Arrays.equals(arguments[at], 0, count, values, 0, count)) {
                return k;
            }
        }
        return 0;
    }

    /** Keeps a syscall event as the most recent. */
    void add(int number, int[] values, int count) {
        newest = (newest + 1) % DEPTH;
        numbers[newest] = number;
        System.arraycopy(values, 0, arguments[newest], 0, count);
        size = Math.min(size + 1, DEPTH);
    }

    /** True when reference k names a kept syscall. */
    boolean holds(int k) {
        return k >= 1 && k <= size;
    }

    int number(int k) {
        return numbers[slot(k)];
    }

    /** The first {@code count} arguments of the k-th most recent, as a new array. */
    int[] arguments(int k, int count) {
        return Arrays.copyOf(arguments[slot(k)], count);
    }

    private int slot(int k) {
        return (newest - (k - 1) + DEPTH) % DEPTH;
    }
}
