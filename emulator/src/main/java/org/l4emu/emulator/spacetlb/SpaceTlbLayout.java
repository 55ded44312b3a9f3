package org.l4emu.emulator.spacetlb;

import static org.l4emu.emulator.engine.InternalsCheck.expect;
import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.l4emu.emulator.host.ReadableMemory;

/**
 * Where QEMU keeps what {@link SpaceTlbs} swaps, found by calibration. QEMU's {@code CPUTLB}
 * holds, for each MMU index, a {@code CPUTLBDesc} ({@code d[]}: large-page range, use counts, the
 * victim TLB, the {@code iotlb} array that goes with the table) before the {@code {mask, table}}
 * pairs ({@code f[]}, {@link UserTlbSearch}), which are 16-byte aligned, so that up to 8 bytes
 * of padding may lie between the two; it starts with a bitmap of the indexes that have entries
 * ({@code c.dirty}; a flush skips the others). The jump cache lies in the CPU state before it.
 *
 * <p>A regime is a user-mode MMU index that spaces enter: arm has one per security state, x86
 * one ({@code MMU_USER_IDX}). Which index each is, how many there are, and so where the
 * descriptors lie, is what the search finds.
 *
 * @param shape     the TLB's shape, which gives the descriptor's fields
 * @param pairs     the user-mode {@code {mask, table}} pair of each regime
 * @param descs     the user-mode {@code CPUTLBDesc} of each regime
 * @param dirtyBits the bit of each regime's MMU index in {@code dirty}
 * @param dirty     the address of the 16-bit {@code dirty} bitmap
 * @param jumpCache where the jump cache's 4096 slots start
 */
public record SpaceTlbLayout(TlbShape shape, long[] pairs, long[] descs, int[] dirtyBits, long dirty, long jumpCache) {
    private static final int MAX_MMU_MODES = 16;
    private static final int PAIR_BYTES = 16;
    /** The padding {@code f[]}'s alignment may put after {@code d[]}. */
    private static final int[] PADDINGS = {0, 8};
    /** {@code CPUTLBCommon}: the bitmap first (2.x builds have no lock before it) and three counters. */
    private static final int[] DIRTY_CANDIDATES = {32, 28};
    private static final long JUMP_CACHE_SEARCH = 0x20000;

    public SpaceTlbLayout {
        pairs = pairs.clone();
        descs = descs.clone();
        dirtyBits = dirtyBits.clone();
    }

    long pair(int regime) {
        return pairs[regime];
    }

    long desc(int regime) {
        return descs[regime];
    }

    int dirtyBit(int regime) {
        return dirtyBits[regime];
    }

    long mask(int regime) {
        return PROCESS.get(ValueLayout.JAVA_LONG, pairs[regime]);
    }

    long table(int regime) {
        return PROCESS.get(ValueLayout.JAVA_LONG, pairs[regime] + Long.BYTES);
    }

    /** A possible place of QEMU's {@code d[]}: the user-mode descriptors, the first one, the first pair. */
    private record Candidate(long[] descs, long firstDesc, long firstPair) {
    }

    /** What the calibration shows the finder: QEMU's state with the user TLBs flushed, and after a run in each regime. */
    public interface Probe {
        /** Flushes every TLB (and so the jump cache). */
        void flush();

        /** Flushes, then runs probe code in {@code regime} (and in those before it) that touches two pages: the code's and a data page. */
        void runTouchingTwoPages(int regime);

        /** Runs the probe code at {@code pc} in the regime that ran last; returns without checking anything. */
        void runAt(int pc);

        /** The probe whose operations these are. */
        static Probe of(Runnable flush, IntConsumer runTouchingTwoPages, IntConsumer runAt) {
            return new Probe() {
                @Override
                public void flush() {
                    flush.run();
                }

                @Override
                public void runTouchingTwoPages(int regime) {
                    runTouchingTwoPages.accept(regime);
                }

                @Override
                public void runAt(int pc) {
                    runAt.accept(pc);
                }
            };
        }
    }

    /**
     * Finds the descriptors, the bitmap and the jump cache from what runs leave behind: each must
     * come out as exactly one candidate.
     *
     * @param pairs    each regime's user-mode pair ({@link UserTlbSearch})
     * @param firstPc  a probe PC, {@code secondPc} another whose jump-cache group differs
     */
    public static SpaceTlbLayout find(TlbShape shape, long[] pairs, ReadableMemory memory, Probe probe, int firstPc,
                                      int secondPc) {
        long lowestPair = Long.MAX_VALUE;
        for (long pair : pairs) {
            lowestPair = Math.min(lowestPair, pair);
        }
        int descBytes = shape.descBytes();
        List<Candidate> candidates = new ArrayList<>();
        probe.flush();
        for (int lowestIndex = 0; lowestIndex < MAX_MMU_MODES; lowestIndex++) {
            long firstPair = lowestPair - (long) lowestIndex * PAIR_BYTES;
            for (int modes = 1; modes <= MAX_MMU_MODES; modes++) {
                for (int padding : PADDINGS) {
                    long firstDesc = firstPair - padding - (long) modes * descBytes;
                    long[] descs = new long[pairs.length];
                    boolean fits = memory.readableBytes(firstDesc, (long) modes * descBytes) >= (long) modes * descBytes;
                    for (int regime = 0; regime < pairs.length && fits; regime++) {
                        long index = (pairs[regime] - firstPair) / PAIR_BYTES;
                        descs[regime] = firstDesc + index * descBytes;
                        fits = index < modes && looksFlushed(descs[regime], shape);
                    }
                    if (fits) {
                        candidates.add(new Candidate(descs, firstDesc, firstPair));
                    }
                }
            }
        }
        for (int regime = 0; regime < pairs.length; regime++) {
            int ran = regime;
            probe.runTouchingTwoPages(ran);
            candidates.removeIf(candidate -> !looksUsed(candidate.descs()[ran], shape, pairs[ran], memory));
        }
        expect(candidates.size() == 1, "found " + candidates.size() + " candidates for the user-mode TLB descriptors");
        Candidate found = candidates.getFirst();
        int[] dirtyBits = new int[pairs.length];
        for (int regime = 0; regime < pairs.length; regime++) {
            dirtyBits[regime] = 1 << (int) ((pairs[regime] - found.firstPair()) / PAIR_BYTES);
        }
        long dirty = findDirty(found.firstDesc(), dirtyBits, probe);
        long jumpCache = findJumpCache(found.firstDesc() - DIRTY_CANDIDATES[0], shape.pageBits(), memory, probe, firstPc,
                secondPc);
        return new SpaceTlbLayout(shape, pairs, found.descs(), dirtyBits, dirty, jumpCache);
    }

    /** After a flush: no large page, no entries in use, the victim TLB empty, an iotlb array. */
    private static boolean looksFlushed(long desc, TlbShape shape) {
        for (int word = 0; word < shape.largePageWords(); word++) {
            if (PROCESS.get(ValueLayout.JAVA_LONG, desc + (long) word * Long.BYTES) != -1L) {
                return false;
            }
        }
        if (PROCESS.get(ValueLayout.JAVA_LONG, desc + shape.usedEntries()) != 0
                || Long.compareUnsigned(PROCESS.get(ValueLayout.JAVA_LONG, desc + shape.victimIndex()), TlbShape.VICTIM_ENTRIES) >= 0) {
            return false;
        }
        for (int offset = 0; offset < shape.victimTableBytes(); offset += Long.BYTES) {
            if (PROCESS.get(ValueLayout.JAVA_LONG, desc + shape.victimTable() + offset) != -1L) {
                return false;
            }
        }
        return PROCESS.get(ValueLayout.JAVA_LONG, desc + shape.iotlb()) != 0;
    }

    /**
     * After a run that touched two pages: two entries in use, or up to four, since QEMU counts an
     * entry once more each time it fills it again for the same page (x86 fills the code page's
     * twice); and an iotlb as large as the table.
     */
    private static boolean looksUsed(long desc, TlbShape shape, long pair, ReadableMemory memory) {
        long iotlb = PROCESS.get(ValueLayout.JAVA_LONG, desc + shape.iotlb());
        long entries = (PROCESS.get(ValueLayout.JAVA_LONG, pair) >>> shape.entryShift()) + 1;
        long used = PROCESS.get(ValueLayout.JAVA_LONG, desc + shape.usedEntries());
        return used >= 2 && used <= 4
                && iotlb != PROCESS.get(ValueLayout.JAVA_LONG, pair + Long.BYTES)
                && memory.readableBytes(iotlb, entries * TlbShape.IOTLB_ENTRY_BYTES) >= entries * TlbShape.IOTLB_ENTRY_BYTES;
    }

    private static long findDirty(long firstDesc, int[] dirtyBits, Probe probe) {
        long found = 0;
        int count = 0;
        int allBits = 0;
        for (int bit : dirtyBits) {
            allBits |= bit;
        }
        for (int distance : DIRTY_CANDIDATES) {
            long candidate = firstDesc - distance;
            boolean matches = true;
            for (int regime = 0; regime < dirtyBits.length; regime++) {
                probe.flush();
                matches &= (PROCESS.get(ValueLayout.JAVA_SHORT, candidate) & allBits) == 0;
                probe.runTouchingTwoPages(regime);
                matches &= (PROCESS.get(ValueLayout.JAVA_SHORT, candidate) & dirtyBits[regime]) != 0;
            }
            if (matches) {
                found = candidate;
                count++;
            }
        }
        expect(count == 1, "found " + count + " candidates for the TLB's dirty bitmap");
        return found;
    }

    /**
     * The jump cache: the one array of 4096 slots before {@code end} in which a run at
     * {@code firstPc} fills exactly the slot QEMU's hash gives it, a run at {@code secondPc} that
     * one's, and a flush empties both.
     */
    private static long findJumpCache(long end, int pageBits, ReadableMemory memory, Probe probe, int firstPc,
                                      int secondPc) {
        long start = end - JUMP_CACHE_SEARCH;
        expect(memory.readableBytes(start, JUMP_CACHE_SEARCH) >= JUMP_CACHE_SEARCH, "the CPU state is not readable");
        probe.flush();
        long[] before = snapshot(start, JUMP_CACHE_SEARCH);
        probe.runAt(firstPc);
        long arrayBytes = JumpCache.SLOTS * (long) Long.BYTES;
        List<Long> bases = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            long slot = start + (long) i * Long.BYTES;
            long base = slot - (long) JumpCache.slot(firstPc, pageBits) * Long.BYTES;
            if (before[i] == 0 && PROCESS.get(ValueLayout.JAVA_LONG, slot) != 0 && base >= start
                    && base + arrayBytes <= end) {
                bases.add(base);
            }
        }
        probe.runAt(secondPc);
        bases.removeIf(base -> PROCESS.get(ValueLayout.JAVA_LONG, base + (long) JumpCache.slot(secondPc, pageBits) * Long.BYTES) == 0);
        probe.flush();
        bases.removeIf(base -> PROCESS.get(ValueLayout.JAVA_LONG, base + (long) JumpCache.slot(firstPc, pageBits) * Long.BYTES) != 0
                || PROCESS.get(ValueLayout.JAVA_LONG, base + (long) JumpCache.slot(secondPc, pageBits) * Long.BYTES) != 0);
        expect(bases.size() == 1, "found " + bases.size() + " candidates for the jump cache");
        return bases.get(0);
    }

    private static long[] snapshot(long start, long bytes) {
        long[] words = new long[(int) (bytes / Long.BYTES)];
        for (int i = 0; i < words.length; i++) {
            words[i] = PROCESS.get(ValueLayout.JAVA_LONG, start + (long) i * Long.BYTES);
        }
        return words;
    }
}
