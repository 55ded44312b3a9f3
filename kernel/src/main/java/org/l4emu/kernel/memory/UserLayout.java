package org.l4emu.kernel.memory;

import org.l4emu.abi.Abi;

/** Fixed virtual addresses of the guest ABI (section 1.2, the table's), and arithmetic on them. */
public final class UserLayout {
    public static final int PAGE_SIZE = Abi.Layout.PAGE_SIZE;
    public static final long USER_BASE = Abi.Layout.USER_BASE;
    /** First address that belongs to the kernel. */
    public static final long USER_END = Abi.Layout.USER_END;
    public static final int BOOT_INFO = Abi.Layout.BOOT_INFO;
    public static final int MAIN_STACK_TOP = Abi.Layout.MAIN_STACK_TOP;
    public static final int MAIN_STACK_SIZE = Abi.Layout.MAIN_STACK_SIZE;
    /** UTCBs of a task's threads lie upward from here, 512 bytes each, up to the boot info page. */
    public static final int UTCB_AREA = Abi.Layout.UTCB_AREA;
    public static final int UTCB_SIZE = Abi.Layout.UTCB_SIZE;
    public static final int MAX_UTCBS = Abi.Layout.UTCB_SLOTS;

    private UserLayout() {}

    public static int utcbAddress(int slot) {
        return UTCB_AREA + slot * UTCB_SIZE;
    }

    /**
     * Whether [start, start + length) is user memory. The start itself must be a user address, also
     * for an empty range: 0xC0000000 with length 0 is the kernel's first address, not user memory.
     */
    public static boolean isUserRange(long start, long length) {
        return start >= USER_BASE && start < USER_END && length >= 0 && start + length <= USER_END;
    }

    public static int pageBase(long address) {
        return (int) (address & ~(long) (PAGE_SIZE - 1));
    }

    public static long roundUpToPage(long size) {
        return (size + PAGE_SIZE - 1) & ~(long) (PAGE_SIZE - 1);
    }
}
