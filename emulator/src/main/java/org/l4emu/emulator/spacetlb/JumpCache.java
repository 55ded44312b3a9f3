package org.l4emu.emulator.spacetlb;

/**
 * QEMU's jump cache ({@code CPUState.tb_jmp_cache}): 4096 pointers to translated blocks, found
 * by the guest PC alone, before the TLB is consulted. QEMU clears it whole at every TLB flush,
 * since a block of another address space at the same PC would otherwise run. The cache groups
 * its slots by page: the 64 slots of a block of the cache hold the blocks that start in pages
 * of one hash, so the blocks of a few pages can be cleared without the rest
 * ({@code tb_jmp_cache_hash_func} in QEMU's {@code tb-hash.h}).
 */
final class JumpCache {
    static final int SLOTS = 4096;
    private static final int SLOTS_PER_GROUP = 64;
    private static final int GROUP_BITS = 6;
    private static final long GROUP_BYTES = SLOTS_PER_GROUP * (long) Long.BYTES;
    /** The pages spaces map: 4 KiB, which QEMU may split into smaller ones (arm's 1 KiB). */
    private static final int SMALL_PAGE_BITS = 12;

    private final long address;
    private final int pageBits;

    /**
     * @param address  where the 4096 slots start
     * @param pageBits QEMU's target page size (log2), which the hash depends on
     */
    JumpCache(long address, int pageBits) {
        this.address = address;
        this.pageBits = pageBits;
    }

    /** The slot QEMU uses for a block that starts at {@code pc}. */
    public static int slot(int pc, int pageBits) {
        long address = Integer.toUnsignedLong(pc);
        long mixed = address ^ (address >>> (pageBits - GROUP_BITS));
        return (int) (((mixed >>> (pageBits - GROUP_BITS)) & (SLOTS - SLOTS_PER_GROUP)) | (mixed & (SLOTS_PER_GROUP - 1)));
    }

    /** The groups (a bit each, of 64) whose slots may hold blocks that start in the 4 KiB page at {@code virtualPage}. */
    long groupsOf(int virtualPage) {
        long groups = 0;
        int step = Math.min(pageBits, SMALL_PAGE_BITS);
        for (int i = 0; i < 1 << (SMALL_PAGE_BITS - step); i++) {
            groups |= 1L << (slot(virtualPage + (i << step), pageBits) >>> GROUP_BITS);
        }
        return groups;
    }

    /** Empties the slots of {@code groups}. */
    void clear(long groups) {
        if (groups == -1L) {
            clearAll();
            return;
        }
        for (long left = groups; left != 0; left &= left - 1) {
            Words.fill(address + Long.numberOfTrailingZeros(left) * GROUP_BYTES, GROUP_BYTES, 0);
        }
    }

    void clearAll() {
        Words.fill(address, SLOTS * (long) Long.BYTES, 0);
    }
}
