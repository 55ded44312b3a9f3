package org.l4emu.emulator.x86;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.spacetlb.TlbSpace;

/**
 * An x86 address space as real PAE page tables in emulated physical memory ({@link PaeEntry}):
 * a page-directory-pointer table and three page directories for the user range (the fourth
 * pointer is the kernel directory every space shares), and a page table for each 2 MiB that has
 * a page mapped. Everything else traps, so that every refused access reaches the invalid-memory
 * hook with its type; only pages mapped with too few rights fault as #PF. The rights as asked
 * for and the frames are kept beside the tables ({@link UserPages}), for {@link #rights} and for
 * a page mapped without any right, which the tables hold as a trap.
 *
 * <p>QEMU caches translations, traps included, and host writes to the tables do not drop them:
 * any change to an entry marks the space, and the CPU flushes its TLB before it runs the space
 * again. A space not loaded has nothing cached: loading it flushes, unless it keeps a TLB of its
 * own ({@link SpaceTlbs}), which a change while it was out drops.
 */
public final class X86AddressSpace extends TlbSpace implements AddressSpace {
    /** The pointer table and three user directories: as many frames as an arm L1 table takes. */
    static final int FRAMES = 4;
    private static final int USER_DIRECTORIES = FRAMES - 1;
    private static final long KERNEL_RANGE = KernelLayout.USER_LIMIT;

    private final PhysicalMemory memory;
    /** Where the frames of {@link #memory} end: frames mapped must lie below. */
    private final long memoryEnd;
    private final MemorySegment ram;
    private final ExecutableFrames executable;
    private final long pointerTable;
    private final UserPages pages = new UserPages();
    private boolean translationsChanged;
    private boolean destroyed;

    /**
     * A new space whose tables live in {@code memory}, whose host memory from physical 0 is
     * {@code ram}. Throws {@link OutOfPhysicalMemoryException} when no four frames are left.
     */
    X86AddressSpace(NativePhysicalMemory memory, MemorySegment ram, ExecutableFrames executable)
            throws OutOfPhysicalMemoryException {
        super(executable.codeGeneration());
        this.memory = memory;
        this.memoryEnd = memory.base() + memory.size();
        this.ram = ram;
        this.executable = executable;
        this.pointerTable = memory.allocateFrames(FRAMES, PhysicalMemory.PAGE_SIZE);
        for (int d = 0; d < USER_DIRECTORIES; d++) {
            long directory = directory(d);
            for (int i = 0; i < PaeEntry.ENTRIES; i++) {
                setEntry(directory, i, PaeEntry.trapLargePage(((long) d << 30) + i * PaeEntry.LARGE_PAGE_SIZE));
            }
            setEntry(pointerTable, d, PaeEntry.pointer(directory));
        }
        setEntry(pointerTable, PaeEntry.pointerIndex(KERNEL_RANGE), PaeEntry.pointer(KernelLayout.KERNEL_PAGE_DIRECTORY));
    }

    /** The physical address of the page-directory-pointer table, for CR3. */
    long pointerTable() {
        return pointerTable;
    }

    /** True once after an entry changed: the CPU must flush its TLB before running this space again. */
    boolean takeTranslationsChanged() {
        boolean changed = translationsChanged;
        translationsChanged = false;
        return changed;
    }

    @Override
    public void map(int virtualAddress, long frame, Access rights) {
        checkAlive();
        UserPages.checkMapping(virtualAddress, frame, memoryEnd);
        long linear = Integer.toUnsignedLong(virtualAddress);
        if (rights.executable()) {
            executable.mark(frame);
        }
        mapping(virtualAddress, rights.executable(), rights.writable() && (rights.executable() || executable.mayHoldCode(frame)));
        setPage(ensureTable(linear), linear, PaeEntry.userPage(linear, frame, rights));
        pages.set(virtualAddress, frame, rights);
    }

    @Override
    public void unmap(int virtualAddress) {
        checkAlive();
        UserPages.checkUserPage(virtualAddress);
        if (pages.frame(virtualAddress) < 0) {
            return;
        }
        long linear = Integer.toUnsignedLong(virtualAddress);
        setPage(existingTable(linear), linear, PaeEntry.trapPage(linear));
        pages.clear(virtualAddress);
    }

    @Override
    public long translate(int virtualAddress) {
        checkAlive();
        return pages.translate(virtualAddress);
    }

    @Override
    public Access rights(int virtualAddress) {
        checkAlive();
        return pages.rights(virtualAddress);
    }

    /**
     * Makes the mapped page at {@code linear} trap every access, until {@link #restorePage}; for
     * finding out the kind of an access it refused. Returns the entry it replaced.
     */
    long trapPage(long linear) {
        long table = existingTable(linear);
        long old = entry(table, PaeEntry.tableIndex(linear));
        setPage(table, linear, PaeEntry.trapPage(linear));
        return old;
    }

    /** Puts back the entry {@link #trapPage} replaced. */
    void restorePage(long linear, long entry) {
        setPage(existingTable(linear), linear, entry);
    }

    /** Frees the tables. The frames mapped are the owner's business. */
    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        for (int d = 0; d < USER_DIRECTORIES; d++) {
            for (int i = 0; i < PaeEntry.ENTRIES; i++) {
                long entry = entry(directory(d), i);
                if (PaeEntry.isTable(entry)) {
                    memory.freeFrames(PaeEntry.address(entry), 1);
                }
            }
        }
        memory.freeFrames(pointerTable, FRAMES);
    }

    /** True when this space's tables live in {@code machineMemory}. */
    boolean belongsTo(PhysicalMemory machineMemory) {
        return memory == machineMemory;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    protected int codeGeneration() {
        return executable.codeGeneration();
    }

    @Override
    protected boolean anyWritableFrameMayHoldCode() {
        boolean[] any = {false};
        pages.forEach((virtualAddress, frame, rights) -> any[0] |= rights.writable() && executable.mayHoldCode(frame));
        return any[0];
    }


    private long directory(int index) {
        return pointerTable + (long) (index + 1) * PhysicalMemory.PAGE_SIZE;
    }

    /** The page table for {@code linear}, created (every entry a trap) if the 2 MiB has none. */
    private long ensureTable(long linear) {
        long directory = directory(PaeEntry.pointerIndex(linear));
        int index = PaeEntry.directoryIndex(linear);
        long entry = entry(directory, index);
        if (PaeEntry.isTable(entry)) {
            return PaeEntry.address(entry);
        }
        long table;
        try {
            table = memory.allocateFrame();
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("no physical memory left for a page table", e);
        }
        long first = linear & -PaeEntry.LARGE_PAGE_SIZE;
        for (int i = 0; i < PaeEntry.ENTRIES; i++) {
            setEntry(table, i, PaeEntry.trapPage(first + (long) i * PhysicalMemory.PAGE_SIZE));
        }
        // The 2 MiB trapped as a large page, which the TLB may hold.
        translationsChanged = true;
        setEntry(directory, index, PaeEntry.table(table));
        return table;
    }

    /** The page table for {@code linear}, which a mapped page guarantees. */
    private long existingTable(long linear) {
        long entry = entry(directory(PaeEntry.pointerIndex(linear)), PaeEntry.directoryIndex(linear));
        if (!PaeEntry.isTable(entry)) {
            throw new IllegalStateException("no page table for 0x" + Long.toHexString(linear));
        }
        return PaeEntry.address(entry);
    }

    private void setPage(long table, long linear, long entry) {
        int index = PaeEntry.tableIndex(linear);
        if (entry(table, index) != entry) {
            setEntry(table, index, entry);
            translationsChanged = true;
        }
    }

    private long entry(long table, int index) {
        return ram.get(ValueLayout.JAVA_LONG, table + (long) index * PaeEntry.BYTES);
    }

    private void setEntry(long table, int index, long entry) {
        ram.set(ValueLayout.JAVA_LONG, table + (long) index * PaeEntry.BYTES, entry);
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("address space already destroyed");
        }
    }
}
