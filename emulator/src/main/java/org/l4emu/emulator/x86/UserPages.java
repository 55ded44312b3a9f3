package org.l4emu.emulator.x86;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.PhysicalMemory;

/**
 * The mappings of one x86 address space as the kernel asked for them, kept in Java: for each
 * user page, its frame and the rights. Two levels of arrays (4 MiB per leaf), allocated as
 * pages are first mapped. Both designs answer translate and rights from here; the CPU's view
 * (regions, or page tables) is derived from it.
 */
final class UserPages {
    private static final int PAGE_SHIFT = 12;
    private static final int LEAF_SHIFT = 10;
    private static final int LEAF_SIZE = 1 << LEAF_SHIFT;
    private static final int USER_PAGES = (int) (KernelLayout.USER_LIMIT >>> PAGE_SHIFT);
    /** Entries are frame | rights | this bit; 0 is unmapped. Frames are page aligned, so the low bits are free. */
    private static final long PRESENT = 1 << 8;
    private static final long RIGHTS_MASK = 7;
    private static final long FRAME_MASK = ~((1L << PAGE_SHIFT) - 1);

    private static final int LEAVES = USER_PAGES >>> LEAF_SHIFT;

    /** Allocated at the first mapping: a guest may create tens of thousands of empty spaces. */
    private long[][] leaves;

    /** Throws {@link IllegalArgumentException} unless {@code virtualAddress} starts a user page. */
    static void checkUserPage(int virtualAddress) {
        if ((virtualAddress & (PhysicalMemory.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("virtual address 0x" + Integer.toHexString(virtualAddress)
                    + " is not page aligned");
        }
        if (Integer.toUnsignedLong(virtualAddress) >= KernelLayout.USER_LIMIT) {
            throw new IllegalArgumentException("virtual address 0x" + Integer.toHexString(virtualAddress)
                    + " is in the kernel's range");
        }
    }

    /** As {@link #checkUserPage}, and throws unless {@code frame} is a whole frame of {@code memorySize} bytes of RAM. */
    static void checkMapping(int virtualAddress, long frame, long memorySize) {
        checkUserPage(virtualAddress);
        if (frame < 0 || frame % PhysicalMemory.PAGE_SIZE != 0 || frame + PhysicalMemory.PAGE_SIZE > memorySize) {
            throw new IllegalArgumentException("bad frame 0x" + Long.toHexString(frame));
        }
    }

    /** Visits every mapped page. */
    interface Visitor {
        void page(int virtualAddress, long frame, Access rights);
    }

    /** The frame mapped at the page of user address {@code virtualAddress}, or -1. */
    long frame(int virtualAddress) {
        long entry = entry(virtualAddress);
        return entry == 0 ? -1 : entry & FRAME_MASK;
    }

    /** The physical address {@code virtualAddress} maps to, or -1. */
    long translate(int virtualAddress) {
        long frame = frame(virtualAddress);
        return frame < 0 ? -1 : frame | (virtualAddress & (PhysicalMemory.PAGE_SIZE - 1));
    }

    /** The rights of the page of user address {@code virtualAddress}; {@link Access#NONE} when unmapped. */
    Access rights(int virtualAddress) {
        return Access.of((int) (entry(virtualAddress) & RIGHTS_MASK));
    }

    void set(int virtualAddress, long frame, Access rights) {
        int page = virtualAddress >>> PAGE_SHIFT;
        if (leaves == null) {
            leaves = new long[LEAVES][];
        }
        long[] leaf = leaves[page >>> LEAF_SHIFT];
        if (leaf == null) {
            leaf = new long[LEAF_SIZE];
            leaves[page >>> LEAF_SHIFT] = leaf;
        }
        leaf[page & (LEAF_SIZE - 1)] = frame | rights.bits() | PRESENT;
    }

    void clear(int virtualAddress) {
        if (leaves == null) {
            return;
        }
        int page = virtualAddress >>> PAGE_SHIFT;
        long[] leaf = leaves[page >>> LEAF_SHIFT];
        if (leaf != null) {
            leaf[page & (LEAF_SIZE - 1)] = 0;
        }
    }

    void forEach(Visitor visitor) {
        if (leaves == null) {
            return;
        }
        for (int l = 0; l < leaves.length; l++) {
            long[] leaf = leaves[l];
            if (leaf == null) {
                continue;
            }
            for (int i = 0; i < LEAF_SIZE; i++) {
                if (leaf[i] != 0) {
                    visitor.page((l << LEAF_SHIFT | i) << PAGE_SHIFT, leaf[i] & FRAME_MASK,
                            Access.of((int) (leaf[i] & RIGHTS_MASK)));
                }
            }
        }
    }

    private long entry(int virtualAddress) {
        if (leaves == null || Integer.toUnsignedLong(virtualAddress) >= KernelLayout.USER_LIMIT) {
            return 0;
        }
        int page = virtualAddress >>> PAGE_SHIFT;
        long[] leaf = leaves[page >>> LEAF_SHIFT];
        return leaf == null ? 0 : leaf[page & (LEAF_SIZE - 1)];
    }
}
