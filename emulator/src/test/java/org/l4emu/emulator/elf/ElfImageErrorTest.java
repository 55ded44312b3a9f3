package org.l4emu.emulator.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.l4emu.emulator.elf.ElfBuilder.PF_R;
import static org.l4emu.emulator.elf.ElfBuilder.PF_W;
import static org.l4emu.emulator.elf.ElfBuilder.PF_X;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ElfImageErrorTest {
    private static String problem(byte[] bytes) {
        return assertThrows(ElfFormatException.class, () -> ElfImage.parse("x.elf", bytes)).getMessage();
    }

    private static byte[] valid() {
        return ElfBuilder.typicalArm().build();
    }

    @Test
    void rejectsNonElfFiles() {
        assertEquals("x.elf: not an ELF file (bad magic)", problem("#!/bin/sh\n".getBytes()));
        assertEquals("x.elf: not an ELF file (bad magic)", problem(new byte[0]));
    }

    @Test
    void rejectsOtherClassesByteOrdersAndVersions() {
        byte[] bytes = valid();
        bytes[4] = 2;
        assertEquals("x.elf: not a 32-bit ELF (EI_CLASS 2)", problem(bytes));
        bytes = valid();
        bytes[5] = 2;
        assertEquals("x.elf: not little-endian (EI_DATA 2)", problem(bytes));
        bytes = valid();
        bytes[6] = 0;
        assertEquals("x.elf: unsupported ELF version 0", problem(bytes));
    }

    @Test
    void rejectsATruncatedHeader() {
        assertEquals("x.elf: truncated: ELF identification ends at byte 16 past end of file (8 bytes)",
                problem(Arrays.copyOf(valid(), 8)));
        assertEquals("x.elf: truncated: ELF header ends at byte 52 past end of file (40 bytes)",
                problem(Arrays.copyOf(valid(), 40)));
    }

    @Test
    void rejectsNonExecutablesAndOtherMachines() {
        byte[] bytes = valid();
        ElfBuilder.putU16(bytes, ElfBuilder.E_TYPE, 1);
        assertEquals("x.elf: not an executable (e_type 1)", problem(bytes));
        bytes = valid();
        ElfBuilder.putU16(bytes, ElfBuilder.E_MACHINE, 62);
        assertEquals("x.elf: unsupported machine 62 (expected arm or x86)", problem(bytes));
    }

    @Test
    void rejectsAbsurdProgramHeaderTables() {
        byte[] bytes = valid();
        ElfBuilder.putU16(bytes, ElfBuilder.E_PHENTSIZE, 56);
        assertEquals("x.elf: bad program header size 56 (expected 32)", problem(bytes));

        bytes = valid();
        ElfBuilder.putU16(bytes, ElfBuilder.E_PHNUM, 0xfffe);
        int length = bytes.length;
        int firstOutside = (length - ElfBuilder.PROGRAM_HEADERS) / 32;
        long end = ElfBuilder.PROGRAM_HEADERS + 32L * (firstOutside + 1);
        assertEquals("x.elf: truncated: program header " + firstOutside + " ends at byte " + end
                + " past end of file (" + length + " bytes)", problem(bytes));

        bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.E_PHOFF, 0xfffffff0);
        assertEquals("x.elf: truncated: program header 0 ends at byte " + (0xfffffff0L + 32)
                + " past end of file (" + bytes.length + " bytes)", problem(bytes));
    }

    @Test
    void rejectsSegmentsLargerOnFileThanInMemory() {
        byte[] bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.programHeaderField(1, 16), 0x3000);
        assertEquals("x.elf: segment 1 file size exceeds memory size (0x3000 > 0x2000)", problem(bytes));
    }

    @Test
    void rejectsFileBytesInAnEmptySegment() {
        byte[] bytes = ElfBuilder.arm().entry(0x8000)
                .segment(0x8000, PF_R | PF_X, new byte[4], 4)
                .segment(0x9000, PF_R, new byte[4], 0).build();
        assertEquals("x.elf: segment 1 file size exceeds memory size (0x4 > 0x0)", problem(bytes));
    }

    @Test
    void rejectsSegmentDataPastTheEndOfTheFile() {
        byte[] bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.programHeaderField(0, 4), bytes.length - 10);
        assertEquals("x.elf: truncated: segment 0 file data ends at byte " + (bytes.length + 54)
                + " past end of file (" + bytes.length + " bytes)", problem(bytes));
    }

    @Test
    void rejectsSegmentsThatWrapAround() {
        byte[] bytes = ElfBuilder.arm().entry(0xfffff000)
                .segment(0xfffff000, PF_R | PF_X, new byte[4], 0x1001).build();
        assertEquals("x.elf: segment 0 wraps around the 32-bit address space", problem(bytes));
    }

    @Test
    void rejectsOverlappingSegmentsWhateverTheirOrder() {
        byte[] bytes = ElfBuilder.arm().entry(0x8000)
                .segment(0x9000, PF_R | PF_W, new byte[4], 0x1000)
                .segment(0x8000, PF_R | PF_X, new byte[4], 0x1001).build();
        assertEquals("x.elf: segments 0 and 1 overlap", problem(bytes));
    }

    @Test
    void requiresALoadableSegment() {
        byte[] bytes = ElfBuilder.arm().note(new byte[4]).build();
        assertEquals("x.elf: no loadable segment", problem(bytes));
    }

    @Test
    void requiresTheEntryInsideExecutableCode() {
        byte[] bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.E_ENTRY, 0x10000);
        assertEquals("x.elf: entry point 0x00010000 lies outside every executable segment", problem(bytes));
        ElfBuilder.putU32(bytes, ElfBuilder.E_ENTRY, 0x8040);
        assertEquals("x.elf: entry point 0x00008040 lies outside every executable segment", problem(bytes));
    }

    @Test
    void rejectsBrokenSectionHeaderTables() {
        byte[] bytes = valid();
        ElfBuilder.putU16(bytes, ElfBuilder.E_SHENTSIZE, 64);
        assertEquals("x.elf: bad section header size 64 (expected 40)", problem(bytes));

        bytes = valid();
        int shoff = ElfBuilder.getU32(bytes, ElfBuilder.E_SHOFF);
        ElfBuilder.putU16(bytes, ElfBuilder.E_SHNUM, 9);
        // Section 1 is the symbol table, so the table is read up to it before the end is noticed.
        ElfBuilder.putU32(bytes, ElfBuilder.sectionHeaderField(bytes, 1, 4), 1);
        assertEquals("x.elf: truncated: section header 4 ends at byte " + (shoff + 200)
                + " past end of file (" + bytes.length + " bytes)", problem(bytes));
    }

    @Test
    void rejectsBrokenSymbolTables() {
        byte[] bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.sectionHeaderField(bytes, 1, 24), 7);
        assertEquals("x.elf: symbol table links to section 7, but there are only 4", problem(bytes));

        bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.sectionHeaderField(bytes, 1, 24), 1);
        assertEquals("x.elf: symbol table links to section 1, which is not a string table", problem(bytes));

        bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.sectionHeaderField(bytes, 1, 36), 24);
        assertEquals("x.elf: bad symbol entry size 24 (expected 16)", problem(bytes));

        bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.sectionHeaderField(bytes, 1, 20), 70);
        assertEquals("x.elf: symbol table size 70 is not a multiple of 16", problem(bytes));

        bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.sectionHeaderField(bytes, 1, 20), 0x10000);
        int symtab = ElfBuilder.getU32(bytes, ElfBuilder.sectionHeaderField(bytes, 1, 16));
        assertEquals("x.elf: truncated: symbol table (section 1) ends at byte " + (symtab + 0x10000)
                + " past end of file (" + bytes.length + " bytes)", problem(bytes));

        bytes = valid();
        ElfBuilder.putU32(bytes, ElfBuilder.sectionHeaderField(bytes, 2, 16), 0x7fffffff);
        assertEquals("x.elf: truncated: symbol string table (section 2) ends at byte "
                + (0x7fffffffL + ElfBuilder.getU32(bytes, ElfBuilder.sectionHeaderField(bytes, 2, 20)))
                + " past end of file (" + bytes.length + " bytes)", problem(bytes));
    }

    @Test
    void rejectsSymbolNamesOutsideTheStringTable() {
        byte[] bytes = valid();
        int symtab = ElfBuilder.getU32(bytes, ElfBuilder.sectionHeaderField(bytes, 1, 16));
        ElfBuilder.putU32(bytes, symtab + 16, 5000);
        assertEquals("x.elf: symbol name at string table offset 5000 is not terminated inside the table",
                problem(bytes));
    }
}
