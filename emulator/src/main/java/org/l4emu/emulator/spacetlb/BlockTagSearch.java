package org.l4emu.emulator.spacetlb;

import static org.l4emu.emulator.engine.InternalsCheck.expect;
import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;

/**
 * Finds QEMU's {@code CPUState.cluster_index} for {@link BlockTags}, behind the jump cache, by
 * its neighbours as Unicorn leaves them: {@code cpu_index} and {@code cluster_index} -1,
 * {@code halted} 0, {@code can_do_io} 1, {@code exception_index} -1 (0x5c bytes after the
 * array in Unicorn 2.0.1 and 2.1.1). Then proves it: after a run with one index, a run at the
 * same PC with another must translate a block of its own, and a run with the first again must
 * find the first block. A wrong field would tag nothing, and a space would run another's code.
 */
public final class BlockTagSearch {
    private static final int[] NEIGHBOURS = {-1, -1, 0, 1, -1};
    private static final int FIELD_IN_NEIGHBOURS = 1;
    private static final long SEARCH_BYTES = 0x400;

    private BlockTagSearch() {
    }

    /**
     * The address of the CPU's cluster index. {@code probe} runs code at {@code pc}; it is
     * flushed before and after, and the index is left as it was found.
     */
    public static long locate(SpaceTlbLayout layout, SpaceTlbLayout.Probe probe, int pc) {
        long field = byNeighbours(layout.jumpCache() + JumpCache.SLOTS * (long) Long.BYTES);
        long slot = layout.jumpCache() + (long) JumpCache.slot(pc, layout.shape().pageBits()) * Long.BYTES;
        int original = PROCESS.get(ValueLayout.JAVA_INT, field);
        long first;
        long again;
        long other;
        long firstAgain;
        try {
            probe.flush();
            first = runTagged(probe, field, 1, pc, slot);
            again = runTagged(probe, field, 1, pc, slot);
            other = runTagged(probe, field, 2, pc, slot);
            firstAgain = runTagged(probe, field, 1, pc, slot);
        } finally {
            PROCESS.set(ValueLayout.JAVA_INT, field, original);
            probe.flush();
        }
        expect(first != 0 && again == first, "a second run with the same cluster index did not find the block of the first");
        expect(other != 0 && other != first, "a run with another cluster index found the first index's block");
        expect(firstAgain == first, "a run with the first cluster index again did not find its block");
        return field;
    }

    private static long byNeighbours(long start) {
        long found = 0;
        int count = 0;
        for (long at = start; at + (long) NEIGHBOURS.length * Integer.BYTES <= start + SEARCH_BYTES; at += Integer.BYTES) {
            boolean matches = true;
            for (int i = 0; i < NEIGHBOURS.length && matches; i++) {
                matches = PROCESS.get(ValueLayout.JAVA_INT, at + (long) i * Integer.BYTES) == NEIGHBOURS[i];
            }
            if (matches) {
                found = at + FIELD_IN_NEIGHBOURS * Integer.BYTES;
                count++;
            }
        }
        expect(count == 1, "found " + count + " candidates for the CPU's cluster index");
        return found;
    }

    /** Runs the probe with cluster index {@code tag}; returns the block the PC's jump-cache slot holds after. */
    private static long runTagged(SpaceTlbLayout.Probe probe, long field, int tag, int pc, long slot) {
        PROCESS.set(ValueLayout.JAVA_INT, field, tag);
        probe.runAt(pc);
        return PROCESS.get(ValueLayout.JAVA_LONG, slot);
    }
}
