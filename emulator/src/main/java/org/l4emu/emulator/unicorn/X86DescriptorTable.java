package org.l4emu.emulator.unicorn;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The {@code struct uc_x86_mmr} that GDTR and IDTR are written with:
 * {@code {u16 selector; u64 base; u32 limit; u32 flags}} (24 bytes; selector and flags unused
 * for GDTR and IDTR).
 */
final class X86DescriptorTable {
    static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("selector"),
            MemoryLayout.paddingLayout(6),
            ValueLayout.JAVA_LONG.withName("base"),
            ValueLayout.JAVA_INT.withName("limit"),
            ValueLayout.JAVA_INT.withName("flags"));
    private static final long BASE_OFFSET = 8;
    private static final long LIMIT_OFFSET = 16;

    private X86DescriptorTable() {
    }

    static void describeIn(MemorySegment buffer, long base, int limit) {
        buffer.asSlice(0, LAYOUT.byteSize()).fill((byte) 0);
        buffer.set(ValueLayout.JAVA_LONG, BASE_OFFSET, base);
        buffer.set(ValueLayout.JAVA_INT, LIMIT_OFFSET, limit);
    }
}
