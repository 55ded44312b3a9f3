package org.l4emu.emulator.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.l4emu.emulator.Access;

/** Reads the PT_LOAD entries of the program header table and checks that they fit together. */
final class LoadSegments {
    private static final int TYPE_LOAD = 1;
    private static final long ADDRESS_SPACE_SIZE = 1L << 32;

    /** A segment with its program header index, which is what error messages name. */
    private record Numbered(int index, Segment segment) {}

    private LoadSegments() {}

    static List<Segment> read(ElfInput in, ElfHeader header) throws ElfFormatException {
        // The whole table first, so that an absurd e_phnum is reported as such and not as
        // whatever garbage the first out-of-place header happens to contain.
        for (int index = 0; index < header.programHeaderCount(); index++) {
            in.requireWithinFile(programHeader(header, index), ElfHeader.PROGRAM_HEADER_SIZE,
                    "program header " + index);
        }
        List<Numbered> loadable = new ArrayList<>();
        for (int index = 0; index < header.programHeaderCount(); index++) {
            long at = programHeader(header, index);
            if (in.u32(at) == TYPE_LOAD) {
                Segment segment = readSegment(in, at, index);
                if (segment.memorySize() != 0) {
                    loadable.add(new Numbered(index, segment));
                }
            }
        }
        if (loadable.isEmpty()) {
            throw in.fail("no loadable segment");
        }
        requireDisjoint(in, loadable);
        return loadable.stream().map(Numbered::segment).toList();
    }

    private static long programHeader(ElfHeader header, int index) {
        return header.programHeaderOffset() + (long) index * ElfHeader.PROGRAM_HEADER_SIZE;
    }

    private static Segment readSegment(ElfInput in, long at, int index) throws ElfFormatException {
        long fileOffset = in.u32(at + 4);
        long virtualAddress = in.u32(at + 8);
        long fileSize = in.u32(at + 16);
        long memorySize = in.u32(at + 20);
        int flags = (int) in.u32(at + 24);
        if (fileSize > memorySize) {
            throw in.fail("segment " + index + " file size exceeds memory size (0x"
                    + Long.toHexString(fileSize) + " > 0x" + Long.toHexString(memorySize) + ")");
        }
        if (virtualAddress + memorySize > ADDRESS_SPACE_SIZE) {
            throw in.fail("segment " + index + " wraps around the 32-bit address space");
        }
        in.requireWithinFile(fileOffset, fileSize, "segment " + index + " file data");
        // PF_R/PF_W/PF_X are 4/2/1, the same bit order as Access.
        return new Segment((int) virtualAddress, (int) memorySize,
                in.copy(fileOffset, fileSize), Access.of(flags));
    }

    private static void requireDisjoint(ElfInput in, List<Numbered> loadable) throws ElfFormatException {
        List<Numbered> byAddress = new ArrayList<>(loadable);
        byAddress.sort(Comparator.comparingLong(n -> Integer.toUnsignedLong(n.segment().virtualAddress())));
        for (int i = 1; i < byAddress.size(); i++) {
            Numbered lower = byAddress.get(i - 1);
            Numbered upper = byAddress.get(i);
            if (lower.segment().endAddress() > Integer.toUnsignedLong(upper.segment().virtualAddress())) {
                int first = Math.min(lower.index(), upper.index());
                int second = Math.max(lower.index(), upper.index());
                throw in.fail("segments " + first + " and " + second + " overlap");
            }
        }
    }
}
