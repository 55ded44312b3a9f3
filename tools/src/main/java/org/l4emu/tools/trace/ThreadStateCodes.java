package org.l4emu.tools.trace;

import java.util.Locale;
import org.l4emu.kernel.object.ThreadState;

/**
 * The wire byte of each kernel thread state in a state event (docs/trace-format.md), and the
 * state's name in the JSON form. Codes are part of the format: never renumber, only append.
 */
final class ThreadStateCodes {
    static final String DEAD_NAME = ThreadState.DEAD.name().toLowerCase(Locale.ROOT);

    private ThreadStateCodes() {}

    static int of(ThreadState state) {
        return switch (state) {
            case HALTED -> 0;
            case READY -> 1;
            case SENDING -> 2;
            case AWAITING_DELIVERY -> 3;
            case RECEIVING -> 4;
            case STOPPED -> 5;
            case DEAD -> 6;
        };
    }

    /** The name of the state with wire byte {@code code} ("halted", "awaiting_delivery", ...), or null. */
    static String name(int code) {
        for (ThreadState state : ThreadState.values()) {
            if (of(state) == code) {
                return state.name().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
