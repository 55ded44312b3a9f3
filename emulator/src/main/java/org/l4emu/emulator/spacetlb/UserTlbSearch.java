package org.l4emu.emulator.spacetlb;

import static org.l4emu.emulator.engine.InternalsCheck.expect;
import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.host.ReadableMemory;

/**
 * Finds QEMU's user-mode TLB by what a store leaves in it: the {@code CPUTLBDescFast f[]} pairs
 * {@code {mask, table}}, one per MMU index, lie just before the CPU state, and after user code
 * stored to a page, exactly one pair's table must hold that page's entry where QEMU's index
 * puts it, with {@code addr_read} the page and {@code addr_write} the page or the page with
 * {@code TLB_NOTDIRTY}. Each shape the target may have is tried; only one place and shape may fit.
 */
public final class UserTlbSearch {
    /** How far before the CPU state the per-MMU-index pairs may lie. */
    private static final int MAX_TLB_DISTANCE = 1024;
    private static final int PAIR_BYTES = 2 * Long.BYTES;
    private static final int[] CANDIDATE_ENTRY_SHIFTS = {5, 6};
    private static final int MIN_ENTRIES = 16;
    private static final int MAX_ENTRIES = 1 << 22;

    /**
     * The pair whose table holds the store's entry, the TLB's shape, and whether the entry still
     * has {@code TLB_NOTDIRTY}, which sends every store to it through the slow path.
     */
    public record Found(long pair, TlbShape shape, boolean storesSlow) {
    }

    /**
     * What the target allows: the width of its addresses, the page sizes it may use, and
     * {@code TLB_NOTDIRTY} for each of them.
     *
     * @param notDirty QEMU's {@code 1 << (TARGET_PAGE_BITS_MIN - 2)}
     */
    public record Target(int addressBytes, int[] pageBits, long notDirty) {
        public Target {
            pageBits = pageBits.clone();
        }
    }

    private UserTlbSearch() {
    }

    /** The pair holding the entry of user code's last store to {@code storedAddress}; {@code state}: the CPU state's address. */
    public static Found locate(long state, ReadableMemory memory, Target target, long storedAddress) {
        Found found = null;
        int count = 0;
        for (long pair = state - PAIR_BYTES; pair >= state - MAX_TLB_DISTANCE; pair -= PAIR_BYTES) {
            if (memory.readableBytes(pair, PAIR_BYTES) < PAIR_BYTES) {
                break;
            }
            long mask = PROCESS.get(ValueLayout.JAVA_LONG, pair);
            long table = PROCESS.get(ValueLayout.JAVA_LONG, pair + Long.BYTES);
            for (int shift : CANDIDATE_ENTRY_SHIFTS) {
                if (!looksLikeMask(mask, shift) || memory.readableBytes(table, mask + (1L << shift)) < mask + (1L << shift)) {
                    continue;
                }
                for (int bits : target.pageBits()) {
                    TlbShape shape = new TlbShape(target.addressBytes(), bits, shift);
                    long page = storedAddress >>> bits << bits;
                    long entry = table + ((page >>> bits << shift) & mask);
                    long addrWrite = shape.address(entry + shape.addrWrite());
                    if (shape.address(entry) == page && (addrWrite == page || addrWrite == (page | target.notDirty()))) {
                        found = new Found(pair, shape, addrWrite != page);
                        count++;
                    }
                }
            }
        }
        expect(count == 1, "found " + count + " candidates for the user-mode TLB");
        return found;
    }

    /** A TLB size mask: (entries - 1) << shift for a power-of-two number of entries. */
    private static boolean looksLikeMask(long mask, int shift) {
        long entries = (mask >>> shift) + 1;
        return (mask & ((1L << shift) - 1)) == 0 && entries >= MIN_ENTRIES && entries <= MAX_ENTRIES
                && Long.bitCount(entries) == 1;
    }
}
