package org.l4emu.emulator.arm;

import java.util.Arrays;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.spacetlb.PageSet;
import org.l4emu.emulator.spacetlb.TlbSpace;

/**
 * An ARM address space as real short-descriptor page tables in emulated physical memory: a
 * 16 KiB L1 table whose user part (the low 3 GiB) points at coarse 1 KiB L2 tables, allocated
 * four to a frame. Addresses from {@link #USER_LIMIT} up are the kernel's and are never mapped,
 * so user code faults there.
 *
 * <p>The CPU caches translations and host writes to the tables do not flush that cache, so a
 * change that removes or alters an existing mapping records the page, and the CPU invalidates
 * it before it next runs anything. New mappings need no invalidation: faults are not cached.
 */
public final class ArmAddressSpace extends TlbSpace implements AddressSpace {
    /** First kernel address. */
    public static final long USER_LIMIT = 0xC000_0000L;
    private static final int USER_SECTIONS = (int) (USER_LIMIT >>> ShortDescriptor.SECTION_SHIFT);
    private static final int SECTIONS_PER_L2_FRAME = PhysicalMemory.PAGE_SIZE / ShortDescriptor.L2_BYTES;

    /** Sections per entry of the first level of {@link #requestedRights}. */
    private static final int RIGHTS_SECTIONS_SHIFT = 6;
    private static final int L1_PAGES = ShortDescriptor.L1_BYTES / PhysicalMemory.PAGE_SIZE;
    private static final int SECTIONS_PER_L1_PAGE = ShortDescriptor.L1_ENTRIES / L1_PAGES;

    private final PhysicalMemory memory;
    private final CodeFrames codeFrames;
    private final long l1Table;
    /**
     * The rights as asked for, which the page tables can only approximate: by page, per section,
     * in groups of 64 sections, each level made when first needed (a space maps a few sections).
     */
    private final byte[][][] requestedRights = new byte[USER_SECTIONS >>> RIGHTS_SECTIONS_SHIFT][][];
    /**
     * Which pages of the L1 table were ever written, a bit each: a page never written holds no
     * entry, so it is neither read (a fresh frame's first touch costs the host a page fault)
     * nor walked when the space goes.
     */
    private int writtenL1Pages;
    /** The frames of this space's L2 tables, in the order made: what {@link #destroy()} frees. */
    private long[] l2Frames = new long[2];
    private int l2FrameCount;
    /** Pages whose mapping changed since the CPU last caught up; past the limit, "everything". */
    private final PageSet changedPages = new PageSet();
    private boolean destroyed;

    ArmAddressSpace(PhysicalMemory memory, CodeFrames codeFrames) throws OutOfPhysicalMemoryException {
        super(codeFrames.codeGeneration());
        this.memory = memory;
        this.codeFrames = codeFrames;
        this.l1Table = memory.allocateFrames(ShortDescriptor.L1_BYTES / PhysicalMemory.PAGE_SIZE,
                ShortDescriptor.L1_BYTES);
    }

    /** The physical address of the L1 table, for TTBR0. */
    long l1Table() {
        return l1Table;
    }

    /** The pages whose mapping was removed or changed since the CPU last caught up with this space (it clears them). */
    PageSet changedPages() {
        return changedPages;
    }

    @Override
    public void map(int virtualAddress, long frame, Access rights) {
        checkAlive();
        checkUserPage(virtualAddress);
        if (frame < 0 || frame % PhysicalMemory.PAGE_SIZE != 0 || frame >= 1L << 32) {
            throw new IllegalArgumentException("bad frame 0x" + Long.toHexString(frame));
        }
        int section = ShortDescriptor.l1Index(virtualAddress);
        long l2Table = existingL2Table(section);
        boolean freshTable = l2Table < 0;
        if (freshTable) {
            l2Table = newL2Table(section);
        }
        long entryAddress = l2EntryAddress(l2Table, virtualAddress);
        // A new table is all zeros: reading it first would only fault the fresh frame in twice.
        int old = freshTable ? 0 : memory.readWord(entryAddress);
        int entry = ShortDescriptor.smallPage(frame, rights);
        if (rights.executable()) {
            codeFrames.markExecutable(frame);
        }
        mapping(virtualAddress, rights.executable(),
                rights.writable() && (rights.executable() || codeFrames.mayHoldCode(frame, PhysicalMemory.PAGE_SIZE)));
        memory.writeWord(entryAddress, entry);
        if (ShortDescriptor.isSmallPage(old) && old != entry) {
            changedPages.add(virtualAddress);
        }
        sectionRights(section)[ShortDescriptor.l2Index(virtualAddress)] = (byte) rights.bits();
    }

    @Override
    protected int codeGeneration() {
        return codeFrames.codeGeneration();
    }

    @Override
    protected boolean anyWritableFrameMayHoldCode() {
        for (int i = 0; i < l2FrameCount; i++) {
            for (int offset = 0; offset < PhysicalMemory.PAGE_SIZE; offset += Integer.BYTES) {
                int entry = memory.readWord(l2Frames[i] + offset);
                if (ShortDescriptor.isSmallPage(entry) && ShortDescriptor.userRights(entry).writable()
                        && codeFrames.mayHoldCode(ShortDescriptor.smallPageFrame(entry), PhysicalMemory.PAGE_SIZE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The requested rights of {@code section}'s pages, made when first needed. */
    private byte[] sectionRights(int section) {
        byte[][] group = requestedRights[section >>> RIGHTS_SECTIONS_SHIFT];
        if (group == null) {
            group = new byte[1 << RIGHTS_SECTIONS_SHIFT][];
            requestedRights[section >>> RIGHTS_SECTIONS_SHIFT] = group;
        }
        int index = section & ((1 << RIGHTS_SECTIONS_SHIFT) - 1);
        if (group[index] == null) {
            group[index] = new byte[ShortDescriptor.L2_ENTRIES];
        }
        return group[index];
    }

    @Override
    public void unmap(int virtualAddress) {
        checkAlive();
        checkUserPage(virtualAddress);
        long entryAddress = existingL2EntryAddress(virtualAddress);
        if (entryAddress < 0 || !ShortDescriptor.isSmallPage(memory.readWord(entryAddress))) {
            return;
        }
        memory.writeWord(entryAddress, 0);
        sectionRights(ShortDescriptor.l1Index(virtualAddress))[ShortDescriptor.l2Index(virtualAddress)] = 0;
        changedPages.add(virtualAddress);
    }

    @Override
    public long translate(int virtualAddress) {
        checkAlive();
        long entryAddress = existingL2EntryAddress(virtualAddress);
        if (entryAddress < 0) {
            return -1;
        }
        int entry = memory.readWord(entryAddress);
        if (!ShortDescriptor.isSmallPage(entry)) {
            return -1;
        }
        return ShortDescriptor.smallPageFrame(entry) | (virtualAddress & (PhysicalMemory.PAGE_SIZE - 1));
    }

    @Override
    public Access rights(int virtualAddress) {
        checkAlive();
        if (translate(virtualAddress) < 0) {
            return Access.NONE;
        }
        return Access.of(sectionRights(ShortDescriptor.l1Index(virtualAddress))[ShortDescriptor.l2Index(virtualAddress)]);
    }

    /** What user mode may do at {@code virtualAddress} as the MMU enforces it (page table bits, not the request). */
    Access userRights(int virtualAddress) {
        long entryAddress = existingL2EntryAddress(virtualAddress);
        return entryAddress < 0 ? Access.NONE : ShortDescriptor.userRights(memory.readWord(entryAddress));
    }

    /** The halfword of code at {@code virtualAddress} (even), read through the page tables; -1 when unmapped. */
    int readHalfword(int virtualAddress) {
        long physical = translate(virtualAddress);
        if (physical < 0) {
            return -1;
        }
        return (memory.readByte(physical) & 0xFF) | (memory.readByte(physical + 1) & 0xFF) << 8;
    }

    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        for (int i = 0; i < l2FrameCount; i++) {
            memory.freeFrames(l2Frames[i], 1);
        }
        memory.freeFrames(l1Table, ShortDescriptor.L1_BYTES / PhysicalMemory.PAGE_SIZE);
        destroyed = true;
    }

    /** True when this space was made by the machine that keeps {@code machineCodeFrames}. */
    boolean belongsTo(CodeFrames machineCodeFrames) {
        return codeFrames == machineCodeFrames;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("address space already destroyed");
        }
    }

    private static void checkUserPage(int virtualAddress) {
        if ((virtualAddress & (PhysicalMemory.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("virtual address 0x" + Integer.toHexString(virtualAddress)
                    + " is not page aligned");
        }
        if (Integer.toUnsignedLong(virtualAddress) >= USER_LIMIT) {
            throw new IllegalArgumentException("virtual address 0x" + Integer.toHexString(virtualAddress)
                    + " is in the kernel's range");
        }
    }

    /** The address of {@code section}'s L2 table, or -1 when it has none. */
    private long existingL2Table(int section) {
        if ((writtenL1Pages & 1 << section / SECTIONS_PER_L1_PAGE) == 0) {
            return -1;
        }
        int l1Entry = memory.readWord(l1Table + 4L * section);
        return ShortDescriptor.isCoarseTable(l1Entry) ? ShortDescriptor.coarseTableAddress(l1Entry) : -1;
    }

    /** Makes {@code section}'s L2 table: a frame holds four, for the four sections it starts with. */
    private long newL2Table(int section) {
        long frame;
        try {
            frame = memory.allocateFrame();
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("no physical memory left for a page table", e);
        }
        if (l2FrameCount == l2Frames.length) {
            l2Frames = Arrays.copyOf(l2Frames, l2FrameCount * 2);
        }
        l2Frames[l2FrameCount++] = frame;
        int firstSection = section - section % SECTIONS_PER_L2_FRAME;
        writtenL1Pages |= 1 << firstSection / SECTIONS_PER_L1_PAGE;
        for (int i = 0; i < SECTIONS_PER_L2_FRAME; i++) {
            memory.writeWord(l1Table + 4L * (firstSection + i),
                    ShortDescriptor.coarseTable(frame + (long) i * ShortDescriptor.L2_BYTES));
        }
        return frame + (long) (section - firstSection) * ShortDescriptor.L2_BYTES;
    }

    /** The address of the L2 entry for {@code virtualAddress}, or -1 when it has no L2 table. */
    private long existingL2EntryAddress(int virtualAddress) {
        if (Integer.toUnsignedLong(virtualAddress) >= USER_LIMIT) {
            return -1;
        }
        long l2Table = existingL2Table(ShortDescriptor.l1Index(virtualAddress));
        return l2Table < 0 ? -1 : l2EntryAddress(l2Table, virtualAddress);
    }

    private static long l2EntryAddress(long l2Table, int virtualAddress) {
        return l2Table + 4L * ShortDescriptor.l2Index(virtualAddress);
    }
}
