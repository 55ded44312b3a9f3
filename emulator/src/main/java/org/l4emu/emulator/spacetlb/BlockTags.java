package org.l4emu.emulator.spacetlb;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;

/**
 * Tags the code QEMU translates for each address space with a cluster index of the space's own
 * ({@code CPUState.cluster_index}). QEMU puts the index into every block it translates
 * ({@code cflags}) and compares it at each lookup, the jump cache's included
 * ({@code tb_lookup__cpu_state}), so a block that another space left in a slot misses instead
 * of running. A space leaving then need not lose its slots, and finds them when it comes back:
 * only a space whose mappings changed while it was out loses its own as it enters
 * ({@link SpaceTlbs#swap}). Where it ran meanwhile, a page flush drops the page's slots.
 *
 * <p>Unicorn leaves the index at -1, which blocks carry as 255, so spaces get 1 to 254, each
 * one until all are given; then the jump cache is emptied and the numbering starts again, so
 * that no slot of a space that had an index before is found by the one that has it now.
 */
public final class BlockTags {
    private static final int FIRST = 1;
    private static final int LAST = 254;

    private final long field;
    private final int original;
    private int next = FIRST;
    /** Counts the times the numbering started again: an index given before the last is void. */
    private int round = 1;
    private int written;

    /** @param field where QEMU keeps the CPU's cluster index ({@link BlockTagSearch}) */
    BlockTags(long field) {
        this.field = field;
        this.original = PROCESS.get(ValueLayout.JAVA_INT, field);
        this.written = original;
    }

    /** {@code space} runs from now on: the code QEMU translates or finds is its own. */
    void running(TlbSpace space, JumpCache jumpCache) {
        if (space.tagRound != round) {
            if (next > LAST) {
                jumpCache.clearAll();
                round++;
                next = FIRST;
            }
            space.tag = next++;
            space.tagRound = round;
        }
        write(space.tag);
    }

    /** Gives QEMU back the index it had: code translated from now on is untagged. */
    void release() {
        write(original);
    }

    private void write(int tag) {
        if (tag != written) {
            PROCESS.set(ValueLayout.JAVA_INT, field, tag);
            written = tag;
        }
    }
}
