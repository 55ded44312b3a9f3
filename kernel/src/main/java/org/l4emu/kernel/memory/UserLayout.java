package org.l4emu.kernel.memory;

/** Fixed virtual addresses of the guest ABI (ABI sections 2 and 4) and the kernel's own choices. */
public final class UserLayout {
    public static final int PAGE_SIZE = 4096;
    public static final long USER_BASE = 0x0000_1000L;
    /** First address that belongs to the kernel. */
    public static final long USER_END = 0xC000_0000L;
    public static final int BOOT_INFO = 0xBFFF_0000;
    public static final int MAIN_STACK_TOP = 0xBFF0_0000;
    public static final int MAIN_STACK_SIZE = 64 * 1024;
    /** UTCBs of a task's threads lie upward from here, 512 bytes each, up to the boot info page. */
    public static final int UTCB_AREA = 0xBFF0_0000;
    public static final int UTCB_SIZE = 512;
    public static final int MAX_UTCBS = (BOOT_INFO - UTCB_AREA) / UTCB_SIZE;

    private UserLayout() {}

    public static int utcbAddress(int slot) {
        return UTCB_AREA + slot * UTCB_SIZE;
    }

    public static boolean isUserRange(long start, long length) {
        return start >= USER_BASE && length >= 0 && start + length <= USER_END;
    }

    public static int pageBase(long address) {
        return (int) (address & ~(long) (PAGE_SIZE - 1));
    }

    public static long roundUpToPage(long size) {
        return (size + PAGE_SIZE - 1) & ~(long) (PAGE_SIZE - 1);
    }
}
