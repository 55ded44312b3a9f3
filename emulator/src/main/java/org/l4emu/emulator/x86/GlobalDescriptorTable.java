package org.l4emu.emulator.x86;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The one GDT every engine uses: flat 4 GiB code and data segments for ring 0 (only the entry
 * stub runs there) and ring 3 (ABI section 1), and a ring-3 data segment whose base is the
 * thread-pointer word, for {@code %gs:0}. Every descriptor is written already "accessed", so
 * loading one never writes the table, which is mapped read-only.
 */
final class GlobalDescriptorTable {
    static final int KERNEL_CODE = 0x08;
    static final int KERNEL_DATA = 0x10;
    static final int USER_CODE = 0x18 | 3;
    static final int USER_DATA = 0x20 | 3;
    static final int USER_THREAD_POINTER = 0x28 | 3;
    static final int LIMIT = 6 * 8 - 1;

    /** Access bytes: present, DPL, code/data, type with the accessed bit set. */
    private static final int RING0_CODE = 0x9B;
    private static final int RING0_DATA = 0x93;
    private static final int RING3_CODE = 0xFB;
    private static final int RING3_DATA = 0xF3;
    /** Flags nibble: 4 KiB granularity, 32-bit. */
    private static final int PAGES_32BIT = 0xC;
    /** Flags nibble: byte granularity, 32-bit. */
    private static final int BYTES_32BIT = 0x4;
    private static final int FLAT_LIMIT_IN_PAGES = 0xFFFFF;
    private static final int WORD_LIMIT = 3;

    private GlobalDescriptorTable() {
    }

    /** Writes the table at the start of {@code kernelPage}, the host memory of {@link KernelLayout#KERNEL_PAGE}. */
    static void writeInto(MemorySegment kernelPage) {
        long[] descriptors = {
            0,
            descriptor(0, FLAT_LIMIT_IN_PAGES, RING0_CODE, PAGES_32BIT),
            descriptor(0, FLAT_LIMIT_IN_PAGES, RING0_DATA, PAGES_32BIT),
            descriptor(0, FLAT_LIMIT_IN_PAGES, RING3_CODE, PAGES_32BIT),
            descriptor(0, FLAT_LIMIT_IN_PAGES, RING3_DATA, PAGES_32BIT),
            descriptor((int) KernelLayout.THREAD_POINTER_WORD, WORD_LIMIT, RING3_DATA, BYTES_32BIT),
        };
        for (int i = 0; i < descriptors.length; i++) {
            kernelPage.set(ValueLayout.JAVA_LONG_UNALIGNED, 8L * i, descriptors[i]);
        }
    }

    /** An IA-32 segment descriptor (Intel SDM vol. 3, 3.4.5). */
    static long descriptor(int base, int limit, int access, int flags) {
        long b = Integer.toUnsignedLong(base);
        return (limit & 0xFFFFL)
                | (b & 0xFF_FFFFL) << 16
                | (long) (access & 0xFF) << 40
                | (long) ((limit >>> 16) & 0xF) << 48
                | (long) (flags & 0xF) << 52
                | (b >>> 24 & 0xFF) << 56;
    }
}
