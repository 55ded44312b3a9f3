package org.l4emu.kernel.memory;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.object.Thread;

/** Word access to threads' UTCBs (ABI section 2.3; the word indices are the table's), through physical memory. */
public final class Utcb {
    public static final int MR0 = Abi.Utcb.MR0;
    /** The last message register: MR63. */
    public static final int LAST_MR = Abi.Registers.LAST_MR;
    public static final int BR0 = Abi.Utcb.BR0;
    public static final int MY_GLOBAL_ID = Abi.Utcb.MY_GLOBAL_ID;
    public static final int PAGER = Abi.Utcb.PAGER;
    public static final int EXCEPTION_HANDLER = Abi.Utcb.EXCEPTION_HANDLER;
    public static final int ERROR_CODE = Abi.Utcb.ERROR_CODE;
    public static final int INTENDED_RECEIVER = Abi.Utcb.INTENDED_RECEIVER;
    public static final int BLOCKED_SOURCE = Abi.Utcb.BLOCKED_SOURCE;
    public static final int CONTROLLING_MONITOR = Abi.Utcb.CONTROLLING_MONITOR;
    public static final int DELAY_TIMEOUT = Abi.Utcb.DELAY_TIMEOUT;

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

    /**
     * Writes a message into {@code to}'s MRs: MR0 = {@code tag}, then MR1..MR{@code words} copied
     * from {@code from}'s UTCB. The one place a delivery copies message registers: it never
     * writes beyond MR63 (S5), whatever it is asked.
     */
    public void writeMessage(Thread from, Thread to, int tag, int words) {
        checkMessageLength(words);
        write(to, MR0, tag);
        if (words > 0) {
            memory.copy(from.utcbPhysical() + 4L * (MR0 + 1), to.utcbPhysical() + 4L * (MR0 + 1), 4 * words);
        }
    }

    /** Writes a message the kernel holds (MR0 first) into {@code to}'s MRs; never beyond MR63. */
    public void writeMessage(Thread to, int[] message) {
        checkMessageLength(message.length - 1);
        for (int i = 0; i < message.length; i++) {
            write(to, MR0 + i, message[i]);
        }
    }

    private static void checkMessageLength(int words) {
        if (words < 0 || words > LAST_MR) {
            throw new IllegalArgumentException("a message of " + words + " words after MR0 does not fit the MRs");
        }
    }
}
