package org.l4emu.tools.replay;

import org.l4emu.abi.Abi;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;

/** Names the UTCB word an address falls on (MR1, BR0, ErrorCode, ...), so a stop can say what was written. */
public final class UtcbWords {
    private static final int WORDS = Abi.Layout.UTCB_SIZE / Integer.BYTES;

    private UtcbWords() {}

    /** "MR1 of pong" when {@code address} lies in a UTCB of a thread of {@code task}, else null. */
    public static String describe(Task task, int address) {
        for (Thread thread : task.threads()) {
            long offset = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(thread.utcbAddress());
            if (offset >= 0 && offset < (long) Integer.BYTES * WORDS) {
                return name((int) offset / Integer.BYTES) + " of " + thread.name();
            }
        }
        return null;
    }

    /** The ABI's name of UTCB word {@code index}, or "UTCB word N" for one it leaves unused. */
    public static String name(int index) {
        String name = Abi.Utcb.name(index);
        return name != null ? name : "UTCB word " + index;
    }
}
