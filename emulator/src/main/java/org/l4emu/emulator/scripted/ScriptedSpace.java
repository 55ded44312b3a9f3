package org.l4emu.emulator.scripted;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;

/**
 * A scripted address space: a two-level page map in Java (1024 tables of 1024 pages), with the
 * frames a real machine's page tables would take allocated from physical memory beside it (see
 * {@link PageTableCost}). As on the real machines, addresses from {@link #USER_LIMIT} up are the
 * kernel's and are never mapped, and running out of frames for a table is an
 * {@link IllegalStateException} caused by {@link OutOfPhysicalMemoryException}.
 */
final class ScriptedSpace implements AddressSpace {
    /** First kernel address, as on the CPUs' spaces. */
    static final long USER_LIMIT = 0xC000_0000L;
    private static final int PAGE_SHIFT = 12;
    private static final int TABLE_SHIFT = 10;
    private static final int TABLE_MASK = (1 << TABLE_SHIFT) - 1;
    /** An entry: frame | rights bits | this bit; 0 is "unmapped". */
    private static final long PRESENT = 8;
    private static final long RIGHTS_MASK = 7;

    private final PhysicalMemory memory;
    private final PageTableCost cost;
    private final long directory;
    private final long[][] tables = new long[1 << (32 - PAGE_SHIFT - TABLE_SHIFT)][];
    /** The frame of page tables for each span of virtual space, 0 while the span has none. */
    private final long[] tableFrames;
    private boolean destroyed;

    ScriptedSpace(PhysicalMemory memory, PageTableCost cost) throws OutOfPhysicalMemoryException {
        this.memory = memory;
        this.cost = cost;
        this.directory = memory.allocateFrames(cost.directoryFrames(), cost.directoryAlignment());
        this.tableFrames = cost.hasTables() ? new long[(int) (USER_LIMIT >>> cost.tableSpanShift())] : null;
    }

    @Override
    public void map(int virtualAddress, long frame, Access rights) {
        checkAlive();
        AddressSpace.requireUserPage(virtualAddress, USER_LIMIT);
        if (frame <= 0 || frame % PhysicalMemory.PAGE_SIZE != 0 || frame >= memory.size()) {
            throw new IllegalArgumentException("bad frame 0x" + Long.toHexString(frame));
        }
        ensureTableFrame(virtualAddress);
        int page = virtualAddress >>> PAGE_SHIFT;
        long[] table = tables[page >>> TABLE_SHIFT];
        if (table == null) {
            table = new long[1 << TABLE_SHIFT];
            tables[page >>> TABLE_SHIFT] = table;
        }
        table[page & TABLE_MASK] = frame | PRESENT | rights.bits();
    }

    @Override
    public void unmap(int virtualAddress) {
        checkAlive();
        AddressSpace.requireUserPage(virtualAddress, USER_LIMIT);
        int page = virtualAddress >>> PAGE_SHIFT;
        long[] table = tables[page >>> TABLE_SHIFT];
        if (table != null) {
            table[page & TABLE_MASK] = 0;
        }
    }

    @Override
    public long translate(int virtualAddress) {
        checkAlive();
        long entry = entry(virtualAddress);
        return entry == 0 ? -1 : (entry & ~(PhysicalMemory.PAGE_SIZE - 1L)) | (virtualAddress & (PhysicalMemory.PAGE_SIZE - 1));
    }

    @Override
    public Access rights(int virtualAddress) {
        checkAlive();
        return Access.of((int) (entry(virtualAddress) & RIGHTS_MASK));
    }

    /** True when the page holding {@code virtualAddress} is mapped with every right in {@code needed}. */
    boolean permits(int virtualAddress, Access needed) {
        long entry = entry(virtualAddress);
        return entry != 0 && (needed.bits() & ~entry & RIGHTS_MASK) == 0;
    }

    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        if (tableFrames != null) {
            for (long frame : tableFrames) {
                if (frame != 0) {
                    memory.freeFrames(frame, 1);
                }
            }
        }
        memory.freeFrames(directory, cost.directoryFrames());
    }

    boolean isDestroyed() {
        return destroyed;
    }

    private long entry(int virtualAddress) {
        int page = virtualAddress >>> PAGE_SHIFT;
        long[] table = tables[page >>> TABLE_SHIFT];
        return table == null || Integer.toUnsignedLong(virtualAddress) >= USER_LIMIT ? 0 : table[page & TABLE_MASK];
    }

    private void ensureTableFrame(int virtualAddress) {
        if (tableFrames == null) {
            return;
        }
        int span = virtualAddress >>> cost.tableSpanShift();
        if (tableFrames[span] == 0) {
            try {
                tableFrames[span] = memory.allocateFrame();
            } catch (OutOfPhysicalMemoryException e) {
                throw new IllegalStateException("no physical memory left for a page table", e);
            }
        }
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("address space already destroyed");
        }
    }
}
