package org.l4emu.emulator.x86;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.Access;

/**
 * The host memory of the machine's own pages in the one-engine design ({@link KernelLayout}):
 * the kernel page directory and page table that every address space shares for linear
 * 3-4 GiB, the entry page and the kernel page. Every kernel-range page traps but two: the
 * kernel page, user-readable, and, while the engine is set up, the entry page, which the stub
 * runs from and the boot page-directory-pointer table (in the entry page itself) maps.
 */
final class KernelRegion {
    private static final long KERNEL_RANGE = KernelLayout.USER_LIMIT;
    private static final long TABLE_BASE = -PaeEntry.LARGE_PAGE_SIZE & 0xFFFF_FFFFL;

    private final MemorySegment memory;

    KernelRegion(Arena arena) {
        long size = (long) KernelLayout.KERNEL_REGION_PAGES * KernelLayout.PAGE_SIZE;
        memory = arena.allocate(size, KernelLayout.PAGE_SIZE);
        memory.fill((byte) 0);
        for (int i = 0; i < PaeEntry.ENTRIES - 1; i++) {
            setEntry(KernelLayout.KERNEL_PAGE_DIRECTORY, i, PaeEntry.trapLargePage(KERNEL_RANGE + i * PaeEntry.LARGE_PAGE_SIZE));
        }
        setEntry(KernelLayout.KERNEL_PAGE_DIRECTORY, PaeEntry.ENTRIES - 1, PaeEntry.table(KernelLayout.KERNEL_PAGE_TABLE));
        for (int i = 0; i < PaeEntry.ENTRIES; i++) {
            setEntry(KernelLayout.KERNEL_PAGE_TABLE, i, PaeEntry.trapPage(TABLE_BASE + (long) i * KernelLayout.PAGE_SIZE));
        }
        map(KernelLayout.KERNEL_PAGE, KernelLayout.KERNEL_PAGE, Access.READ);
        map(KernelLayout.ENTRY_PAGE, KernelLayout.ENTRY_PAGE, Access.ALL);
        GlobalDescriptorTable.writeInto(page(KernelLayout.KERNEL_PAGE));
        setEntry(KernelLayout.BOOT_PDPT, PaeEntry.pointerIndex(KERNEL_RANGE), PaeEntry.pointer(KernelLayout.KERNEL_PAGE_DIRECTORY));
    }

    /** The region's host memory, to map at {@link KernelLayout#KERNEL_REGION}. */
    MemorySegment memory() {
        return memory;
    }

    /** Sets what {@code %gs:0} reads. */
    void setThreadPointer(int value) {
        memory.set(ValueLayout.JAVA_INT, KernelLayout.THREAD_POINTER_WORD - KernelLayout.KERNEL_REGION, value);
    }

    /** Ends the set-up: from now on the entry page traps like the rest of the kernel range. */
    void closeEntryPage() {
        setEntry(KernelLayout.KERNEL_PAGE_TABLE, PaeEntry.tableIndex(KernelLayout.ENTRY_PAGE),
                PaeEntry.trapPage(KernelLayout.ENTRY_PAGE));
    }

    /** Maps the kernel-range page at {@code linear} (in the top 2 MiB) to {@code frame} for user code (for probes). */
    void map(long linear, long frame, Access rights) {
        if (linear < TABLE_BASE) {
            throw new IllegalArgumentException("0x" + Long.toHexString(linear) + " is outside the kernel page table");
        }
        setEntry(KernelLayout.KERNEL_PAGE_TABLE, PaeEntry.tableIndex(linear), PaeEntry.userPage(linear, frame, rights));
    }

    private void setEntry(long table, int index, long entry) {
        memory.set(ValueLayout.JAVA_LONG, table - KernelLayout.KERNEL_REGION + (long) index * PaeEntry.BYTES, entry);
    }

    private MemorySegment page(long physical) {
        return memory.asSlice(physical - KernelLayout.KERNEL_REGION, KernelLayout.PAGE_SIZE);
    }
}
