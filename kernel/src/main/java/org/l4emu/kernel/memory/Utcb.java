package org.l4emu.kernel.memory;

import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.object.Thread;

/** Word access to threads' UTCBs (ABI section 2), through physical memory. */
public final class Utcb {
    public static final int MR0 = 0;
    public static final int BR0 = 64;
    public static final int MY_GLOBAL_ID = 100;
    public static final int PAGER = 101;
    public static final int EXCEPTION_HANDLER = 102;
    public static final int ERROR_CODE = 103;
    public static final int INTENDED_RECEIVER = 104;
    public static final int BLOCKED_SOURCE = 105;
    public static final int CONTROLLING_MONITOR = 106;
    public static final int DELAY_TIMEOUT = 107;

    private final PhysicalMemory memory;

    public Utcb(PhysicalMemory memory) {
        this.memory = memory;
    }

    public int read(Thread thread, int word) {
        return memory.readWord(thread.utcbPhysical() + 4L * word);
    }

    public void write(Thread thread, int word, int value) {
        memory.writeWord(thread.utcbPhysical() + 4L * word, value);
    }

    public int tag(Thread thread) {
        return read(thread, MR0);
    }

    /** Copies MR1..MR{@code words} from one thread's UTCB to another's (MR0 is written by the caller). */
    public void copyMessageRegisters(Thread from, Thread to, int words) {
        if (words > 0) {
            memory.copy(from.utcbPhysical() + 4, to.utcbPhysical() + 4, 4 * words);
        }
    }
}
