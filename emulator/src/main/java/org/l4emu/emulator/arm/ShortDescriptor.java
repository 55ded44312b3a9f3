package org.l4emu.emulator.arm;

import org.l4emu.emulator.Access;

/**
 * ARMv7 short-descriptor translation table entries (TTBCR.N = 0, domains all "client", AP[2:0]
 * access permissions since SCTLR.AFE = 0). Only what l4emu writes: coarse L1 entries pointing
 * at 1 KiB L2 tables, and 4 KiB small pages.
 */
final class ShortDescriptor {
    static final int L1_ENTRIES = 4096;
    static final int L1_BYTES = L1_ENTRIES * 4;
    static final int L2_ENTRIES = 256;
    static final int L2_BYTES = L2_ENTRIES * 4;
    static final int SECTION_SHIFT = 20;
    static final int PAGE_SHIFT = 12;

    private static final int COARSE_TABLE = 0b01;
    private static final int COARSE_TABLE_BASE_MASK = ~0x3FF;
    private static final int SECTION = 0b10;
    private static final int SECTION_EXECUTE_NEVER = 1 << 4;
    private static final int SECTION_AP_SHIFT = 10;
    private static final int SMALL_PAGE = 0b10;
    private static final int SMALL_PAGE_EXECUTE_NEVER = 0b01;
    private static final int SMALL_PAGE_BASE_MASK = ~0xFFF;
    /** C and B: normal write-back memory, as RAM is (not strongly ordered, TEX = 0). */
    private static final int WRITE_BACK = 0b1100;
    private static final int AP_SHIFT = 4;
    /** Not global: the mapping belongs to one address space (ASID), as every user mapping does. */
    private static final int NOT_GLOBAL = 1 << 11;

    /** AP[1:0] with AP[2] = 0: no access at all. */
    private static final int AP_NONE = 0b00;
    /** AP[1:0] with AP[2] = 0: privileged read-write, user read-only. */
    private static final int AP_USER_READ_ONLY = 0b10;
    /** AP[1:0] with AP[2] = 0: read-write for everyone. */
    private static final int AP_USER_READ_WRITE = 0b11;

    private ShortDescriptor() {
    }

    static int coarseTable(long l2Address) {
        return (int) l2Address | COARSE_TABLE;
    }

    /** A 1 MiB section at {@code base} (1 MiB aligned) that user mode may read and write but not execute. */
    static int userDataSection(long base) {
        return (int) base | SECTION | WRITE_BACK | SECTION_EXECUTE_NEVER | AP_USER_READ_WRITE << SECTION_AP_SHIFT;
    }

    static boolean isCoarseTable(int l1Entry) {
        return (l1Entry & 0b11) == COARSE_TABLE;
    }

    static long coarseTableAddress(int l1Entry) {
        return Integer.toUnsignedLong(l1Entry & COARSE_TABLE_BASE_MASK);
    }

    /**
     * A user page. ARM cannot express every combination of rights, so the page gets the
     * smallest superset the hardware has: write implies read, and execute needs read.
     */
    static int smallPage(long frame, Access rights) {
        int ap;
        if (rights.writable()) {
            ap = AP_USER_READ_WRITE;
        } else if (rights.readable() || rights.executable()) {
            ap = AP_USER_READ_ONLY;
        } else {
            ap = AP_NONE;
        }
        int executeNever = rights.executable() ? 0 : SMALL_PAGE_EXECUTE_NEVER;
        return (int) frame | SMALL_PAGE | WRITE_BACK | ap << AP_SHIFT | NOT_GLOBAL | executeNever;
    }

    /** What the MMU lets user mode do with a small page {@link #smallPage} made (the superset, not the request). */
    static Access userRights(int l2Entry) {
        if (!isSmallPage(l2Entry)) {
            return Access.NONE;
        }
        int ap = (l2Entry >>> AP_SHIFT) & 0b11;
        if (ap == AP_NONE) {
            return Access.NONE;
        }
        int bits = Access.READ_BIT | (ap == AP_USER_READ_WRITE ? Access.WRITE_BIT : 0)
                | ((l2Entry & SMALL_PAGE_EXECUTE_NEVER) == 0 ? Access.EXECUTE_BIT : 0);
        return Access.of(bits);
    }

    static boolean isSmallPage(int l2Entry) {
        return (l2Entry & SMALL_PAGE) != 0;
    }

    static long smallPageFrame(int l2Entry) {
        return Integer.toUnsignedLong(l2Entry & SMALL_PAGE_BASE_MASK);
    }

    static int l1Index(int virtualAddress) {
        return virtualAddress >>> SECTION_SHIFT;
    }

    static int l2Index(int virtualAddress) {
        return (virtualAddress >>> PAGE_SHIFT) & (L2_ENTRIES - 1);
    }
}
