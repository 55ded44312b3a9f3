package org.l4emu.emulator.unicorn;

/** Values of {@code uc_mem_type} that invalid-memory hooks receive. */
public final class UcMemType {
    public static final int READ = 16;
    public static final int WRITE = 17;
    public static final int READ_UNMAPPED = 19;
    public static final int WRITE_UNMAPPED = 20;
    public static final int FETCH_UNMAPPED = 21;
    public static final int WRITE_PROT = 22;
    public static final int READ_PROT = 23;
    public static final int FETCH_PROT = 24;

    private UcMemType() {
    }

    public static boolean isFetch(int type) {
        return type == FETCH_UNMAPPED || type == FETCH_PROT;
    }

    public static boolean isWrite(int type) {
        return type == WRITE_UNMAPPED || type == WRITE_PROT;
    }
}
