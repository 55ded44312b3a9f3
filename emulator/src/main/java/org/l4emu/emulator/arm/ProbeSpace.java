package org.l4emu.emulator.arm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.PhysicalMemory;

/**
 * Page tables in which every address is user readable and writable and maps to the physical
 * address of the same number, for running one faulting instruction again to see which accesses
 * it makes (Unicorn 2.0.1's memory hooks report virtual addresses, 2.1's physical ones: here
 * they are the same). Every section maps itself, except the one or two holding the
 * instruction's page and the next, whose L2 tables map those pages executable.
 *
 * <p>The run must change nothing: {@link #prepareFor} puts the instruction's code at the
 * physical pages of its own virtual addresses, keeping what was there, and the accesses the run
 * writes are undone from a log before {@link #restore} puts the pages back.
 *
 * <p>The tables live in {@link #SIZE} bytes of physical memory outside RAM, at {@code base}.
 */
final class ProbeSpace {
    static final long SIZE = 64L << 10;
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;
    private static final int CODE_PAGES = 2;
    private static final int MAX_WRITES = 64;
    private static final int MAX_WRITE_BYTES = 16;

    private final PhysicalMemory memory;
    /** All of physical memory from address 0. */
    private final MemorySegment physical;
    private final long l1Table;
    private final long l2Frame;
    private final byte[] keptPages = new byte[CODE_PAGES * PAGE];
    private final long[] codePages = new long[CODE_PAGES];
    private final byte[] codeCopy = new byte[PAGE];
    private final long[] writeAddresses = new long[MAX_WRITES];
    private final byte[][] writtenOver = new byte[MAX_WRITES][MAX_WRITE_BYTES];
    private final int[] writeSizes = new int[MAX_WRITES];
    private int writeCount;
    private final int[] patched = new int[CODE_PAGES];
    private int patchedCount;

    ProbeSpace(PhysicalMemory memory, MemorySegment physical, long base) {
        this.memory = memory;
        this.physical = physical;
        this.l1Table = base;
        this.l2Frame = base + ShortDescriptor.L1_BYTES;
        for (int section = 0; section < ShortDescriptor.L1_ENTRIES; section++) {
            memory.writeWord(l1Table + 4L * section, identitySection(section));
        }
    }

    private static int identitySection(int section) {
        return ShortDescriptor.userDataSection((long) section << ShortDescriptor.SECTION_SHIFT);
    }

    /** The first physical page the instruction's code was put at, whose translations must go before and after a probe. */
    long codeStart() {
        return codePages[0];
    }

    long codeLength() {
        return (long) CODE_PAGES * PAGE;
    }

    /**
     * Puts the code at {@code pc} (and the page after, for an instruction that may cross into
     * it) as {@code space} maps it at the physical pages of the same numbers, and maps those
     * executable; returns the L1 table.
     */
    long prepareFor(ArmAddressSpace space, int pc) {
        writeCount = 0;
        long firstPage = Integer.toUnsignedLong(pc) & -PAGE;
        for (int i = 0; i < CODE_PAGES; i++) {
            codePages[i] = (firstPage + (long) i * PAGE) & 0xFFFF_FFFFL;
            MemorySegment.copy(physical, ValueLayout.JAVA_BYTE, codePages[i], keptPages, i * PAGE, PAGE);
        }
        for (int i = 0; i < CODE_PAGES; i++) {
            long frame = space.translate((int) codePages[i]);
            if (frame >= 0) {
                MemorySegment.copy(physical, ValueLayout.JAVA_BYTE, frame, codeCopy, 0, PAGE);
                MemorySegment.copy(codeCopy, 0, physical, ValueLayout.JAVA_BYTE, codePages[i], PAGE);
            }
            mapExecutable((int) codePages[i]);
        }
        return l1Table;
    }

    /** Called before the probe's write to {@code [address, address + size)}: keeps what it overwrites. */
    void aboutToWrite(long address, int size) {
        if (writeCount == MAX_WRITES || size > MAX_WRITE_BYTES) {
            throw new IllegalStateException("a probed instruction wrote more than l4emu can undo");
        }
        int bytes = (int) Math.min(size, physical.byteSize() - address);
        writeAddresses[writeCount] = address;
        writeSizes[writeCount] = bytes;
        MemorySegment.copy(physical, ValueLayout.JAVA_BYTE, address, writtenOver[writeCount], 0, bytes);
        writeCount++;
    }

    /** Undoes the probe's writes and puts back the pages the code was put at, and the tables. */
    void restore() {
        for (int i = writeCount - 1; i >= 0; i--) {
            MemorySegment.copy(writtenOver[i], 0, physical, ValueLayout.JAVA_BYTE, writeAddresses[i], writeSizes[i]);
        }
        writeCount = 0;
        for (int i = 0; i < CODE_PAGES; i++) {
            MemorySegment.copy(keptPages, i * PAGE, physical, ValueLayout.JAVA_BYTE, codePages[i], PAGE);
        }
        for (int i = 0; i < patchedCount; i++) {
            memory.writeWord(l1Table + 4L * patched[i], identitySection(patched[i]));
        }
        patchedCount = 0;
    }

    private void mapExecutable(int page) {
        int section = ShortDescriptor.l1Index(page);
        int slot = -1;
        for (int i = 0; i < patchedCount; i++) {
            if (patched[i] == section) {
                slot = i;
            }
        }
        long l2Table = l2Frame + (long) (slot < 0 ? patchedCount : slot) * ShortDescriptor.L2_BYTES;
        if (slot < 0) {
            long sectionBase = Integer.toUnsignedLong(section) << ShortDescriptor.SECTION_SHIFT;
            for (int i = 0; i < ShortDescriptor.L2_ENTRIES; i++) {
                memory.writeWord(l2Table + 4L * i, ShortDescriptor.smallPage(sectionBase + (long) i * PAGE,
                        Access.READ_WRITE));
            }
            memory.writeWord(l1Table + 4L * section, ShortDescriptor.coarseTable(l2Table));
            patched[patchedCount++] = section;
        }
        memory.writeWord(l2Table + 4L * ShortDescriptor.l2Index(page),
                ShortDescriptor.smallPage(Integer.toUnsignedLong(page), Access.ALL));
    }
}
