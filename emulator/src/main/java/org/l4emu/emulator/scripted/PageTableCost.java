package org.l4emu.emulator.scripted;

import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.PhysicalMemory;

/**
 * The physical frames a real machine's page tables take, which a scripted space allocates (and
 * frees) alike, so that a kernel on the scripted machine runs out of memory where it would on
 * the CPU: arm has a 16 KiB L1 table per space and one frame of L2 tables per 4 MiB of virtual
 * space used (ArmAddressSpace); x86 four frames of page directories per space (X86Machine).
 *
 * @param directoryFrames frames allocated with each space
 * @param directoryAlignment their alignment in bytes
 * @param tableSpanShift log2 of the virtual bytes one further table frame covers; 0: none
 */
record PageTableCost(int directoryFrames, int directoryAlignment, int tableSpanShift) {
    private static final int ARM_L1_BYTES = 16 * 1024;
    private static final int ARM_L2_FRAME_SPAN_SHIFT = 22;
    private static final int X86_DIRECTORY_FRAMES = 4;

    static PageTableCost of(Architecture architecture) {
        return switch (architecture) {
            case ARM -> new PageTableCost(ARM_L1_BYTES / PhysicalMemory.PAGE_SIZE, ARM_L1_BYTES,
                    ARM_L2_FRAME_SPAN_SHIFT);
            case X86 -> new PageTableCost(X86_DIRECTORY_FRAMES, PhysicalMemory.PAGE_SIZE, 0);
        };
    }

    boolean hasTables() {
        return tableSpanShift != 0;
    }
}
