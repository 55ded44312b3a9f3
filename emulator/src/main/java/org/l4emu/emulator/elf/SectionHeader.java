package org.l4emu.emulator.elf;

/** The fields of one ELF32 section header that symbol lookup needs. */
record SectionHeader(int index, long type, long offset, long size, long link, long entrySize) {
    static final long TYPE_SYMBOL_TABLE = 2;
    static final long TYPE_STRING_TABLE = 3;

    static SectionHeader read(ElfInput in, ElfHeader header, int index) throws ElfFormatException {
        long at = header.sectionHeaderOffset() + (long) index * ElfHeader.SECTION_HEADER_SIZE;
        in.requireWithinFile(at, ElfHeader.SECTION_HEADER_SIZE, "section header " + index);
        return new SectionHeader(index, in.u32(at + 4), in.u32(at + 16), in.u32(at + 20),
                in.u32(at + 24), in.u32(at + 36));
    }

    /** Checks that the section's contents lie in the file. */
    void requireContentsWithinFile(ElfInput in, String what) throws ElfFormatException {
        in.requireWithinFile(offset, size, what + " (section " + index + ")");
    }
}
