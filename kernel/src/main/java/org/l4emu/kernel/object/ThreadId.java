package org.l4emu.kernel.object;

import org.l4emu.abi.Abi;

/** Thread IDs as the ABI encodes them (section 2.1, the table's): bits 31..14 thread number, bits 13..0 version. */
public final class ThreadId {
    public static final int NIL = Abi.ThreadId.NIL;
    public static final int ANY = Abi.ThreadId.ANY;
    public static final int FIRST_USER_NUMBER = Abi.ThreadId.FIRST_USER_NUMBER;
    public static final int SIGMA0_NUMBER = Abi.ThreadId.SIGMA0_NUMBER;
    public static final int FIRST_VERSION = Abi.ThreadId.FIRST_VERSION;
    public static final int SIGMA0 = Abi.ThreadId.SIGMA0;
    /** The largest version: versions run 1 to this and wrap. */
    public static final int VERSION_MASK = Abi.ThreadId.VERSION.mask();

    private ThreadId() {}

    public static int of(int number, int version) {
        return Abi.ThreadId.NUMBER.place(number) | Abi.ThreadId.VERSION.place(version);
    }

    public static int number(int id) {
        return Abi.ThreadId.NUMBER.get(id);
    }

    public static int version(int id) {
        return Abi.ThreadId.VERSION.get(id);
    }

    public static String format(int id) {
        if (id == NIL) {
            return "nilthread";
        }
        if (id == ANY) {
            return "anythread";
        }
        return String.format("0x%08x", id);
    }
}
