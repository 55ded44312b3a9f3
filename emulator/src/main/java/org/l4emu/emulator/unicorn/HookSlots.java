package org.l4emu.emulator.unicorn;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The Java hooks of every open engine, each under the number Unicorn passes back to its upcall as
 * user data. So one upcall stub per kind of hook, made once, serves every hook of every engine:
 * a stub bound to its hook object made the JDK generate classes for each kind at every start.
 */
final class HookSlots {
    /** A hook and the engine it was added to. */
    record Slot(Unicorn engine, Object hook) {
    }

    private static final Object LOCK = new Object();
    /** Read without the lock by upcalls: a slot is filled before Unicorn can pass its number back. */
    private static volatile Slot[] slots = new Slot[16];
    private static final ArrayDeque<Integer> freeNumbers = new ArrayDeque<>();
    private static int used;

    private HookSlots() {
    }

    /** Keeps {@code hook} of {@code engine} until {@link #remove}; its number. */
    static long add(Unicorn engine, Object hook) {
        synchronized (LOCK) {
            Integer free = freeNumbers.poll();
            int number = free != null ? free : used++;
            Slot[] current = slots;
            if (number == current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[number] = new Slot(engine, hook);
            slots = current;
            return number;
        }
    }

    /** The slot an upcall's user data names. */
    static Slot get(long number) {
        return slots[(int) number];
    }

    /** Lets {@code number} go; only once its engine can no longer call back (closed). */
    static void remove(long number) {
        synchronized (LOCK) {
            slots[(int) number] = null;
            freeNumbers.push((int) number);
        }
    }
}
