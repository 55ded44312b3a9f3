package org.l4emu.emulator.elf;

import org.l4emu.emulator.Architecture;

/** The fields of the ELF32 file header that loading needs, checked for plausibility. */
record ElfHeader(
        Architecture architecture,
        int entry,
        long programHeaderOffset,
        int programHeaderCount,
        long sectionHeaderOffset,
        int sectionHeaderCount) {

    static final int SIZE = 52;
    static final int PROGRAM_HEADER_SIZE = 32;
    static final int SECTION_HEADER_SIZE = 40;

    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final int CLASS_32 = 1;
    private static final int DATA_LITTLE_ENDIAN = 1;
    private static final int CURRENT_VERSION = 1;
    private static final int TYPE_EXECUTABLE = 2;
    private static final int MACHINE_386 = 3;
    private static final int MACHINE_ARM = 40;
    /** PN_XNUM: the real count would be in section 0, an extension no l4emu image needs. */
    private static final int EXTENDED_PROGRAM_HEADER_COUNT = 0xffff;

    static ElfHeader read(ElfInput in) throws ElfFormatException {
        requireIdentification(in);
        in.requireWithinFile(0, SIZE, "ELF header");
        int type = in.u16(16);
        if (type != TYPE_EXECUTABLE) {
            throw in.fail("not an executable (e_type " + type + ")");
        }
        Architecture architecture = architecture(in, in.u16(18));
        int programHeaderSize = in.u16(42);
        int programHeaderCount = in.u16(44);
        if (programHeaderCount == EXTENDED_PROGRAM_HEADER_COUNT) {
            throw in.fail("too many program headers (extended numbering is not supported)");
        }
        if (programHeaderCount > 0 && programHeaderSize != PROGRAM_HEADER_SIZE) {
            throw in.fail("bad program header size " + programHeaderSize
                    + " (expected " + PROGRAM_HEADER_SIZE + ")");
        }
        int sectionHeaderSize = in.u16(46);
        int sectionHeaderCount = in.u16(48);
        long sectionHeaderOffset = in.u32(32);
        if (sectionHeaderOffset != 0 && sectionHeaderCount > 0
                && sectionHeaderSize != SECTION_HEADER_SIZE) {
            throw in.fail("bad section header size " + sectionHeaderSize
                    + " (expected " + SECTION_HEADER_SIZE + ")");
        }
        return new ElfHeader(architecture, (int) in.u32(24), in.u32(28), programHeaderCount,
                sectionHeaderOffset, sectionHeaderOffset == 0 ? 0 : sectionHeaderCount);
    }

    private static void requireIdentification(ElfInput in) throws ElfFormatException {
        if (in.length() < MAGIC.length) {
            throw in.fail("not an ELF file (bad magic)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (in.u8(i) != (MAGIC[i] & 0xff)) {
                throw in.fail("not an ELF file (bad magic)");
            }
        }
        in.requireWithinFile(0, 16, "ELF identification");
        if (in.u8(4) != CLASS_32) {
            throw in.fail("not a 32-bit ELF (EI_CLASS " + in.u8(4) + ")");
        }
        if (in.u8(5) != DATA_LITTLE_ENDIAN) {
            throw in.fail("not little-endian (EI_DATA " + in.u8(5) + ")");
        }
        if (in.u8(6) != CURRENT_VERSION) {
            throw in.fail("unsupported ELF version " + in.u8(6));
        }
    }

    private static Architecture architecture(ElfInput in, int machine) throws ElfFormatException {
        return switch (machine) {
            case MACHINE_ARM -> Architecture.ARM;
            case MACHINE_386 -> Architecture.X86;
            default -> throw in.fail("unsupported machine " + machine + " (expected arm or x86)");
        };
    }
}
