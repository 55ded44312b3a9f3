package org.l4emu.kernel.object;

/** Thread IDs as the ABI encodes them: bits 31..14 thread number, bits 13..0 version. */
public final class ThreadId {
    public static final int NIL = 0;
    public static final int ANY = 0xFFFF_FFFF;
    public static final int FIRST_USER_NUMBER = 16;
    public static final int SIGMA0_NUMBER = 1;
    public static final int FIRST_VERSION = 1;
    private static final int VERSION_BITS = 14;
    public static final int VERSION_MASK = (1 << VERSION_BITS) - 1;

    private ThreadId() {}

    public static int of(int number, int version) {
        return (number << VERSION_BITS) | (version & VERSION_MASK);
    }

    public static int number(int id) {
        return id >>> VERSION_BITS;
    }

    public static int version(int id) {
        return id & VERSION_MASK;
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
