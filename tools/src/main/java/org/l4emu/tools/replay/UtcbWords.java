package org.l4emu.tools.replay;

import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;

/** Names the UTCB word an address falls on (MR1, BR0, ErrorCode, ...), so a stop can say what was written. */
public final class UtcbWords {
    private static final int WORDS = Utcb.DELAY_TIMEOUT + 1;

    private UtcbWords() {}

    /** "MR1 of pong" when {@code address} lies in a UTCB of a thread of {@code task}, else null. */
    public static String describe(Task task, int address) {
        for (Thread thread : task.threads()) {
            long offset = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(thread.utcbAddress());
            if (offset >= 0 && offset < 4L * WORDS) {
                return name((int) offset / 4) + " of " + thread.name();
            }
        }
        return null;
    }

    /** The ABI's name of UTCB word {@code index}. */
    public static String name(int index) {
        return switch (index) {
            case Utcb.MY_GLOBAL_ID -> "MyGlobalId";
            case Utcb.PAGER -> "Pager";
            case Utcb.EXCEPTION_HANDLER -> "ExceptionHandler";
            case Utcb.ERROR_CODE -> "ErrorCode";
            case Utcb.INTENDED_RECEIVER -> "IntendedReceiver";
            case Utcb.BLOCKED_SOURCE -> "BlockedSource";
            case Utcb.CONTROLLING_MONITOR -> "ControllingMonitor";
            case Utcb.DELAY_TIMEOUT -> "DelayTimeout";
            default -> index >= Utcb.BR0 ? "BR" + (index - Utcb.BR0) : index < Utcb.BR0 ? "MR" + index : "UTCB word " + index;
        };
    }
}
