package org.l4emu.emulator.x86;

/**
 * Where the machine keeps its own structures. Linear addresses are all in the kernel's range
 * (ABI: user addresses end at 0xC0000000), so no user mapping can collide with them; physical
 * addresses are above guest RAM, which therefore ends at {@link #RAM_LIMIT}. Each structure's
 * physical address is its linear one: with paging off (the engine-per-space design) that is
 * how they are reached, and the stub that turns paging on runs from the entry page while
 * paging comes on (the one-engine design).
 *
 * <ul>
 * <li>The kernel page: the GDT at its start and the thread-pointer word (the GS base) at
 *     {@link #THREAD_POINTER_WORD}. Read-only for user code for good: the CPU reads descriptors
 *     from it when user code loads a segment register, and user code reads {@code %gs:0} from
 *     it. It is the one page of the kernel range user code can read without a fault.
 * <li>The entry page: the ring-0 stub that enters ring 3, its stack, the calibration probe and,
 *     with paging, the boot page-directory-pointer table. Reachable only while an engine is set up.
 * <li>With paging only: the kernel page directory (linear 3-4 GiB), which every address space
 *     shares, and the one page table it has (the top 2 MiB).
 * </ul>
 * Addresses no page maps translate to {@link #TRAP_BASE} plus the linear address: physical
 * memory no region holds, so an access there reaches Unicorn's invalid-memory hook with its
 * type and, by subtraction, its linear address. Not the very top page: Unicorn's range
 * arithmetic for dropping translations wraps at 4 GiB.
 */
final class KernelLayout {
    static final int PAGE_SIZE = 4096;
    /** First address user code does not own. */
    static final long USER_LIMIT = 0xC000_0000L;
    static final long KERNEL_REGION = 0xFFFF_B000L;
    static final int KERNEL_REGION_PAGES = 4;
    static final long KERNEL_PAGE_DIRECTORY = KERNEL_REGION;
    static final long KERNEL_PAGE_TABLE = KERNEL_REGION + PAGE_SIZE;
    static final long ENTRY_PAGE = KERNEL_REGION + 2L * PAGE_SIZE;
    static final long KERNEL_PAGE = KERNEL_REGION + 3L * PAGE_SIZE;
    static final long GDT = KERNEL_PAGE;
    static final long THREAD_POINTER_WORD = KERNEL_PAGE + 0x800;
    /** The page-directory-pointer table the entry stub turns paging on with (32-byte aligned, below 4 GiB). */
    static final long BOOT_PDPT = ENTRY_PAGE + 0x200;
    /** Guest RAM ends here at the latest, below the machine's own pages. */
    static final long RAM_LIMIT = KERNEL_REGION;
    /**
     * The end address given to {@code uc_emu_start}, which stops when it reaches it: above 32
     * bits, so that no guest instruction is ever there (0 would stop a thread at address 0
     * before it ran anything).
     */
    static final long NO_END_ADDRESS = 1L << 32;
    /** Physical address of linear address 0 for addresses nothing maps: above 32 bits, held by no region. */
    static final long TRAP_BASE = 1L << 32;

    private KernelLayout() {
    }
}
