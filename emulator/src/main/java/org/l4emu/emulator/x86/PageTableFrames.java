package org.l4emu.emulator.x86;

import java.util.Arrays;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;

/**
 * The page-table frames a space of the pooled design would need as real PAE tables: one frame
 * per 2 MiB with a page ever mapped, taken at the first mapping and given back when the space is
 * destroyed, exactly when {@link X86AddressSpace} takes and frees its tables. Guest physical
 * memory so runs out at the same mapping on both x86 designs, and a run's trace does not depend
 * on the engine.
 */
final class PageTableFrames {
    private static final int TABLES = (int) (KernelLayout.USER_LIMIT / PaeEntry.LARGE_PAGE_SIZE);
    private static final long NONE = -1;

    private final PhysicalMemory memory;
    private final long[] frames = new long[TABLES];

    PageTableFrames(PhysicalMemory memory) {
        this.memory = memory;
        Arrays.fill(frames, NONE);
    }

    /**
     * Takes the frame for the 2 MiB holding {@code linear} if it has none yet; throws
     * {@link IllegalStateException} caused by {@link OutOfPhysicalMemoryException}, as the
     * PAE design does, when no frame is left.
     */
    void ensure(long linear) {
        int index = (int) (linear / PaeEntry.LARGE_PAGE_SIZE);
        if (frames[index] != NONE) {
            return;
        }
        try {
            frames[index] = memory.allocateFrame();
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("no physical memory left for a page table", e);
        }
    }

    /** Gives every frame back, in the order the PAE design frees its tables. */
    void free() {
        for (int i = 0; i < TABLES; i++) {
            if (frames[i] != NONE) {
                memory.freeFrames(frames[i], 1);
                frames[i] = NONE;
            }
        }
    }
}
