package org.l4emu.emulator.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small ELF32 little-endian executables in memory for tests: a file header, one program
 * header per segment, the segment bytes, and (unless stripped) .symtab, .strtab and .shstrtab
 * with their section headers (sections 1, 2 and 3).
 */
final class ElfBuilder {
    static final int MACHINE_ARM = 40;
    static final int MACHINE_386 = 3;
    static final int PF_X = 1;
    static final int PF_W = 2;
    static final int PF_R = 4;
    static final int PT_LOAD = 1;
    static final int PT_NOTE = 4;
    static final int STT_OBJECT = 1;
    static final int STT_FUNC = 2;
    static final int STB_LOCAL = 0;
    static final int STB_GLOBAL = 1;

    /** Offsets of e_* fields in the file header. */
    static final int E_TYPE = 16;
    static final int E_MACHINE = 18;
    static final int E_ENTRY = 24;
    static final int E_PHOFF = 28;
    static final int E_SHOFF = 32;
    static final int E_PHENTSIZE = 42;
    static final int E_PHNUM = 44;
    static final int E_SHENTSIZE = 46;
    static final int E_SHNUM = 48;
    static final int PROGRAM_HEADERS = 52;
    static final int SYMTAB_SECTION = 1;
    static final int STRTAB_SECTION = 2;

    private record SegmentSpec(int type, int virtualAddress, int flags, byte[] bytes, int memorySize) {}

    private record SymbolSpec(String name, int value, int info, int section) {}

    private int machine = MACHINE_ARM;
    private int entry;
    private boolean stripped;
    private final List<SegmentSpec> segments = new ArrayList<>();
    private final List<SymbolSpec> symbols = new ArrayList<>();

    static ElfBuilder arm() {
        return new ElfBuilder();
    }

    static ElfBuilder x86() {
        ElfBuilder builder = new ElfBuilder();
        builder.machine = MACHINE_386;
        return builder;
    }

    /** An arm image with code at 0x8000 (entry there), data at 0x10000 and a few symbols. */
    static ElfBuilder typicalArm() {
        return arm().entry(0x8000)
                .segment(0x8000, PF_R | PF_X, bytes(64, 1), 64)
                .segment(0x10000, PF_R | PF_W, bytes(16, 2), 0x2000)
                .symbol("_start", 0x8000, STB_GLOBAL, STT_FUNC)
                .symbol("worker_main", 0x8021, STB_GLOBAL, STT_FUNC)
                .symbol("counter", 0x10004, STB_GLOBAL, STT_OBJECT);
    }

    static byte[] bytes(int length, int seed) {
        byte[] result = new byte[length];
        for (int i = 0; i < length; i++) {
            result[i] = (byte) (seed * 31 + i);
        }
        return result;
    }

    ElfBuilder entry(int address) {
        this.entry = address;
        return this;
    }

    ElfBuilder segment(int virtualAddress, int flags, byte[] bytes, int memorySize) {
        segments.add(new SegmentSpec(PT_LOAD, virtualAddress, flags, bytes, memorySize));
        return this;
    }

    ElfBuilder note(byte[] bytes) {
        segments.add(new SegmentSpec(PT_NOTE, 0, PF_R, bytes, bytes.length));
        return this;
    }

    ElfBuilder symbol(String name, int value, int binding, int type) {
        symbols.add(new SymbolSpec(name, value, binding << 4 | type, 1));
        return this;
    }

    ElfBuilder undefinedSymbol(String name) {
        symbols.add(new SymbolSpec(name, 0, STB_GLOBAL << 4 | STT_FUNC, 0));
        return this;
    }

    ElfBuilder stripped() {
        this.stripped = true;
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[PROGRAM_HEADERS + 32 * segments.size()]);
        List<Integer> segmentOffsets = new ArrayList<>();
        for (SegmentSpec segment : segments) {
            align(out);
            segmentOffsets.add(out.size());
            out.writeBytes(segment.bytes());
        }
        int sectionHeaders = stripped ? 0 : writeSections(out);
        ByteBuffer file = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        writeFileHeader(file, sectionHeaders);
        for (int i = 0; i < segments.size(); i++) {
            SegmentSpec segment = segments.get(i);
            file.position(PROGRAM_HEADERS + 32 * i);
            file.putInt(segment.type()).putInt(segmentOffsets.get(i)).putInt(segment.virtualAddress())
                    .putInt(segment.virtualAddress()).putInt(segment.bytes().length)
                    .putInt(segment.memorySize()).putInt(segment.flags()).putInt(0x1000);
        }
        return file.array();
    }

    private void writeFileHeader(ByteBuffer file, int sectionHeaders) {
        file.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1});
        file.position(E_TYPE);
        file.putShort((short) 2).putShort((short) machine).putInt(1).putInt(entry)
                .putInt(PROGRAM_HEADERS).putInt(sectionHeaders).putInt(0)
                .putShort((short) 52).putShort((short) 32).putShort((short) segments.size())
                .putShort((short) 40).putShort((short) (stripped ? 0 : 4)).putShort((short) (stripped ? 0 : 3));
    }

    /** Writes .symtab, .strtab, .shstrtab and the section header table; returns the table's offset. */
    private int writeSections(ByteArrayOutputStream out) {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        ByteBuffer symtab = ByteBuffer.allocate(16 * (symbols.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
        symtab.position(16);
        for (SymbolSpec symbol : symbols) {
            symtab.putInt(names.size()).putInt(symbol.value()).putInt(4)
                    .put((byte) symbol.info()).put((byte) 0).putShort((short) symbol.section());
            names.writeBytes((symbol.name() + "\0").getBytes(StandardCharsets.UTF_8));
        }
        byte[] sectionNames = "\0.symtab\0.strtab\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);

        align(out);
        int symtabOffset = out.size();
        out.writeBytes(symtab.array());
        int strtabOffset = out.size();
        out.writeBytes(names.toByteArray());
        int shstrtabOffset = out.size();
        out.writeBytes(sectionNames);
        align(out);
        int headerOffset = out.size();

        ByteBuffer headers = ByteBuffer.allocate(4 * 40).order(ByteOrder.LITTLE_ENDIAN);
        headers.position(40);
        sectionHeader(headers, 1, 2, symtabOffset, symtab.capacity(), STRTAB_SECTION, 16);
        sectionHeader(headers, 9, 3, strtabOffset, names.size(), 0, 0);
        sectionHeader(headers, 17, 3, shstrtabOffset, sectionNames.length, 0, 0);
        out.writeBytes(headers.array());
        return headerOffset;
    }

    private static void sectionHeader(ByteBuffer headers, int name, int type, int offset, int size,
                                      int link, int entrySize) {
        headers.putInt(name).putInt(type).putInt(0).putInt(0).putInt(offset).putInt(size)
                .putInt(link).putInt(0).putInt(4).putInt(entrySize);
    }

    private static void align(ByteArrayOutputStream out) {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    /** Helpers for corrupting a built image in place. */
    static void putU16(byte[] image, int offset, int value) {
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
    }

    static void putU32(byte[] image, int offset, int value) {
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    }

    static int getU32(byte[] image, int offset) {
        return ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
    }

    /** Offset of field {@code fieldOffset} in program header {@code index}. */
    static int programHeaderField(int index, int fieldOffset) {
        return PROGRAM_HEADERS + 32 * index + fieldOffset;
    }

    /** Offset of field {@code fieldOffset} in section header {@code index} of a built image. */
    static int sectionHeaderField(byte[] image, int index, int fieldOffset) {
        return getU32(image, E_SHOFF) + 40 * index + fieldOffset;
    }
}
