package org.l4emu.tools;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The malformed half of the bad-input corpus: each defect turns a good ELF image (hello.elf, one
 * PT_LOAD segment, its program header at byte 52) into a bad one at test time, because the
 * project commits no binaries built from sources. Each names the message fragment `l4emu boot`
 * must print, in one line with exit code 2. BadInputTest covers three more: another machine, a
 * truncation inside the segment data, and a segment in the kernel's range.
 */
enum ElfDefect {
    EMPTY("premature end of file", elf -> new byte[0]),
    MAGIC_ONLY("truncated: ELF identification", elf -> Arrays.copyOf(elf, 4)),
    TRUNCATED_HEADER("truncated: ELF header", elf -> Arrays.copyOf(elf, 40)),
    TRUNCATED_PROGRAM_HEADERS("truncated: program header 0", elf -> Arrays.copyOf(elf, Offsets.PROGRAM_HEADER + 20)),
    TRUNCATED_SEGMENT("truncated: segment 0 file data", elf -> Arrays.copyOf(elf, Offsets.segmentOffset(elf) + 16)),
    CLASS_64("not a 32-bit ELF (EI_CLASS 2)", elf -> with(elf, b -> b.put(4, (byte) 2))),
    BIG_ENDIAN("not little-endian (EI_DATA 2)", elf -> with(elf, b -> b.put(5, (byte) 2))),
    VERSION_0("unsupported ELF version 0", elf -> with(elf, b -> b.put(6, (byte) 0))),
    SHARED_OBJECT("not an executable (e_type 3)", elf -> with(elf, b -> b.putShort(16, (short) 3))),
    MACHINE_MIPS("unsupported machine 8", elf -> with(elf, b -> b.putShort(18, (short) 8))),
    PROGRAM_HEADER_SIZE("bad program header size 33", elf -> with(elf, b -> b.putShort(42, (short) 33))),
    EXTENDED_PROGRAM_HEADER_COUNT("too many program headers", elf -> with(elf, b -> b.putShort(44, (short) 0xffff))),
    PROGRAM_HEADERS_PAST_END("truncated: program header", elf -> with(elf, b -> b.putShort(44, (short) 0x7fff))),
    PROGRAM_HEADERS_AT_4_GIB("truncated: program header 0", elf -> with(elf, b -> b.putInt(28, 0xfffffff0))),
    NO_LOADABLE_SEGMENT("no loadable segment", elf -> with(elf, b -> b.putInt(Offsets.PROGRAM_HEADER, 0))),
    OVERLAPPING_SEGMENTS("segments 0 and 1 overlap", ElfDefect::secondSegmentOverFirst),
    FILE_SIZE_OVER_MEMORY_SIZE("segment 0 file size exceeds memory size",
            elf -> with(elf, b -> b.putInt(Offsets.PROGRAM_HEADER + 16, b.getInt(Offsets.PROGRAM_HEADER + 20) + 1))),
    SEGMENT_DATA_PAST_END("truncated: segment 0 file data",
            elf -> with(elf, b -> b.putInt(Offsets.PROGRAM_HEADER + 4, elf.length))),
    SEGMENT_WRAPS("segment 0 wraps around the 32-bit address space",
            elf -> with(elf, b -> b.putInt(Offsets.PROGRAM_HEADER + 8, 0xfffff000).putInt(Offsets.PROGRAM_HEADER + 20,
                    0x2000))),
    ABSURD_MEMORY_SIZE("out of physical memory while loading",
            elf -> with(elf, b -> b.putInt(Offsets.PROGRAM_HEADER + 20, 0x7000_0000))),
    ENTRY_OUTSIDE_CODE("lies outside every executable segment", elf -> with(elf, b -> b.putInt(24, 0x5000)));

    private final String fragment;
    private final UnaryOperator<byte[]> mutation;

    ElfDefect(String fragment, UnaryOperator<byte[]> mutation) {
        this.fragment = fragment;
        this.mutation = mutation;
    }

    /** The file a test writes the defective image to. */
    String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".elf";
    }

    /** What the one-line message must contain. */
    String fragment() {
        return fragment;
    }

    byte[] applyTo(byte[] goodElf) {
        return mutation.apply(goodElf.clone());
    }

    /** ELF32 header and program header offsets this corpus needs. */
    private static final class Offsets {
        static final int PROGRAM_HEADER = 52;
        static final int PROGRAM_HEADER_SIZE = 32;

        static int segmentOffset(byte[] elf) {
            return ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).getInt(PROGRAM_HEADER + 4);
        }
    }

    private static byte[] with(byte[] elf, Consumer<ByteBuffer> edit) {
        edit.accept(ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN));
        return elf;
    }

    /** A second PT_LOAD header, in the padding after the first, covering part of the first segment. */
    private static byte[] secondSegmentOverFirst(byte[] elf) {
        return with(elf, b -> {
            int first = Offsets.PROGRAM_HEADER;
            int second = first + Offsets.PROGRAM_HEADER_SIZE;
            b.putShort(44, (short) 2);
            b.put(second, elf, first, Offsets.PROGRAM_HEADER_SIZE);
            b.putInt(second + 8, b.getInt(first + 8) + 0x10);
            b.putInt(second + 16, 0x10).putInt(second + 20, 0x10);
        });
    }
}
