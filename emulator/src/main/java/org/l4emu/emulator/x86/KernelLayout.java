package org.l4emu.emulator.x86;

/**
 * Where each engine keeps the machine's own structures, all in the kernel's range (ABI: user
 * addresses end at 0xC0000000), so no user mapping can collide with them. Paging is off, so
 * these are both virtual and engine-physical addresses.
 *
 * <ul>
 * <li>The kernel page: the GDT at its start and the thread-pointer word (the GS base) at
 *     {@link #THREAD_POINTER_WORD}. Mapped read-only for good: the CPU reads descriptors from
 *     it when user code loads a segment register, and user code reads {@code %gs:0} from it.
 *     It is the one page of the kernel range user code can read without a fault.
 * <li>The entry page: the ring-0 stub that enters ring 3, its stack, and the calibration
 *     probe. Mapped only while an engine is set up.
 * </ul>
 * Not the very top page: Unicorn's range arithmetic for dropping translations wraps at 4 GiB.
 */
final class KernelLayout {
    static final int PAGE_SIZE = 4096;
    /** First address user code does not own. */
    static final long USER_LIMIT = 0xC000_0000L;
    static final long KERNEL_PAGE = 0xFFFF_E000L;
    static final long GDT = KERNEL_PAGE;
    static final long THREAD_POINTER_WORD = KERNEL_PAGE + 0x800;
    static final long ENTRY_PAGE = 0xFFFF_D000L;

    private KernelLayout() {
    }
}
