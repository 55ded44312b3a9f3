package org.l4emu.emulator.arm;

import static org.l4emu.emulator.arm.LiveCpuState.PROCESS;
import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;

/**
 * Where QEMU keeps what {@link SpaceTlbs} swaps, found by calibration. QEMU's {@code CPUTLB}
 * holds, for each MMU index, a {@code CPUTLBDesc} ({@code d[]}: large-page range, use counts, the
 * victim TLB, the {@code iotlb} array that goes with the table) before the {@code {mask, table}}
 * pairs ({@code f[]}, {@link UserTlbs}), and starts with a bitmap of the indexes that have
 * entries ({@code c.dirty}; a flush skips the others). The jump cache lies in the CPU state before it.
 *
 * @param tlbs      the user-mode pairs and the shape of an entry
 * @param descs     the user-mode {@code CPUTLBDesc} of each security state, by {@link Bank} ordinal
 * @param dirtyBits the bit of each security state's user-mode index in {@code dirty}
 * @param dirty     the address of the 16-bit {@code dirty} bitmap
 * @param jumpCache where the jump cache's 4096 slots start
 */
record SpaceTlbLayout(UserTlbs tlbs, long[] descs, int[] dirtyBits, long dirty, long jumpCache) {
    /** {@code target_ulong large_page_addr, large_page_mask}. */
    static final int LARGE_PAGE = 0;
    static final int USED_ENTRIES = 0x18;
    static final int VICTIM_INDEX = 0x20;
    static final int VICTIM_TABLE = 0x28;
    static final int VICTIM_ENTRIES = 8;
    static final int IOTLB_ENTRY_BYTES = 16;
    private static final int MAX_MMU_MODES = 16;
    private static final int PAIR_BYTES = 16;
    /** {@code CPUTLBCommon}: the bitmap first (2.x builds have no lock before it) and three counters. */
    private static final int[] DIRTY_CANDIDATES = {32, 28};
    private static final long JUMP_CACHE_SEARCH = 0x20000;

    SpaceTlbLayout {
        descs = descs.clone();
        dirtyBits = dirtyBits.clone();
    }

    long desc(Bank bank) {
        return descs[bank.ordinal()];
    }

    int dirtyBit(Bank bank) {
        return dirtyBits[bank.ordinal()];
    }

    int entryBytes() {
        return 1 << tlbs.entryShift();
    }

    /** The offset of {@code CPUIOTLBEntry *iotlb} in a {@code CPUTLBDesc}. */
    int iotlbOffset() {
        return iotlbOffset(tlbs.entryShift());
    }

    private static int iotlbOffset(int entryShift) {
        return VICTIM_TABLE + (VICTIM_ENTRIES << entryShift) + VICTIM_ENTRIES * IOTLB_ENTRY_BYTES;
    }

    private static int descBytes(int entryShift) {
        return iotlbOffset(entryShift) + Long.BYTES;
    }

    /** A possible place of QEMU's {@code d[]}: the user-mode descriptors, the first one, the first pair. */
    private record Candidate(long[] descs, long firstDesc, long firstPair) {
    }

    /** What the calibration shows the finder: QEMU's state with the user TLBs flushed, and after a run in each state. */
    interface Probe {
        /** Flushes every TLB (and so the jump cache). */
        void flush();

        /** Runs probe code in {@code bank} that touches two pages (the code's and a data page). */
        void runTouchingTwoPages(Bank bank);

        /** Runs the probe code at {@code pc} in the state that ran last; returns without checking anything. */
        void runAt(int pc);
    }

    /**
     * Finds the descriptors, the bitmap and the jump cache from what runs leave behind: each must
     * come out as exactly one candidate.
     *
     * @param firstPc  a probe PC, {@code secondPc} another whose jump-cache group differs
     */
    static SpaceTlbLayout find(UserTlbs tlbs, ReadableMemory memory, Probe probe, int firstPc, int secondPc) {
        Bank[] banks = Bank.values();
        long lowestPair = Math.min(tlbs.pair(Bank.NON_SECURE), tlbs.pair(Bank.SECURE));
        int descBytes = descBytes(tlbs.entryShift());
        List<Candidate> candidates = new ArrayList<>();
        probe.flush();
        for (int lowestIndex = 0; lowestIndex < MAX_MMU_MODES; lowestIndex++) {
            long firstPair = lowestPair - (long) lowestIndex * PAIR_BYTES;
            for (int modes = 1; modes <= MAX_MMU_MODES; modes++) {
                long firstDesc = firstPair - (long) modes * descBytes;
                long[] descs = new long[banks.length];
                boolean fits = memory.readableBytes(firstDesc, (long) modes * descBytes) >= (long) modes * descBytes;
                for (Bank bank : banks) {
                    long index = (tlbs.pair(bank) - firstPair) / PAIR_BYTES;
                    descs[bank.ordinal()] = firstDesc + index * descBytes;
                    fits &= index < modes && looksFlushed(descs[bank.ordinal()], tlbs.entryShift());
                }
                if (fits) {
                    candidates.add(new Candidate(descs, firstDesc, firstPair));
                }
            }
        }
        for (Bank bank : banks) {
            probe.runTouchingTwoPages(bank);
            candidates.removeIf(candidate -> !looksUsed(candidate.descs()[bank.ordinal()], tlbs, bank, memory));
        }
        expect(candidates.size() == 1, "found " + candidates.size() + " candidates for the user-mode TLB descriptors");
        long[] descs = candidates.get(0).descs();
        long firstDesc = candidates.get(0).firstDesc();
        long firstPair = candidates.get(0).firstPair();
        int[] dirtyBits = new int[banks.length];
        for (Bank bank : banks) {
            dirtyBits[bank.ordinal()] = 1 << (int) ((tlbs.pair(bank) - firstPair) / PAIR_BYTES);
        }
        long dirty = findDirty(firstDesc, dirtyBits, probe);
        long jumpCache = findJumpCache(firstDesc - DIRTY_CANDIDATES[0], tlbs.pageBits(), memory, probe, firstPc, secondPc);
        return new SpaceTlbLayout(tlbs, descs, dirtyBits, dirty, jumpCache);
    }

    private static boolean looksFlushed(long desc, int entryShift) {
        if (PROCESS.get(ValueLayout.JAVA_LONG, desc + LARGE_PAGE) != -1L
                || PROCESS.get(ValueLayout.JAVA_LONG, desc + USED_ENTRIES) != 0
                || Long.compareUnsigned(PROCESS.get(ValueLayout.JAVA_LONG, desc + VICTIM_INDEX), VICTIM_ENTRIES) >= 0) {
            return false;
        }
        for (int offset = 0; offset < VICTIM_ENTRIES << entryShift; offset += Long.BYTES) {
            if (PROCESS.get(ValueLayout.JAVA_LONG, desc + VICTIM_TABLE + offset) != -1L) {
                return false;
            }
        }
        return PROCESS.get(ValueLayout.JAVA_LONG, desc + iotlbOffset(entryShift)) != 0;
    }

    /** After a run that touched two pages: two entries in use, and an iotlb as large as the table. */
    private static boolean looksUsed(long desc, UserTlbs tlbs, Bank bank, ReadableMemory memory) {
        long iotlb = PROCESS.get(ValueLayout.JAVA_LONG, desc + iotlbOffset(tlbs.entryShift()));
        long entries = (tlbs.mask(bank) >>> tlbs.entryShift()) + 1;
        return PROCESS.get(ValueLayout.JAVA_LONG, desc + USED_ENTRIES) == 2 && iotlb != tlbs.table(bank)
                && memory.readableBytes(iotlb, entries * IOTLB_ENTRY_BYTES) >= entries * IOTLB_ENTRY_BYTES;
    }

    private static long findDirty(long firstDesc, int[] dirtyBits, Probe probe) {
        long found = 0;
        int count = 0;
        for (int distance : DIRTY_CANDIDATES) {
            long candidate = firstDesc - distance;
            boolean matches = true;
            for (Bank bank : Bank.values()) {
                probe.flush();
                matches &= (PROCESS.get(ValueLayout.JAVA_SHORT, candidate) & (dirtyBits[0] | dirtyBits[1])) == 0;
                probe.runTouchingTwoPages(bank);
                matches &= (PROCESS.get(ValueLayout.JAVA_SHORT, candidate) & dirtyBits[bank.ordinal()]) != 0;
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
