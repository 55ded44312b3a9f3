package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.tools.fuzz.FuzzSystem;

/** Fpages of every size and alignment, and the addresses where the interesting things are. */
final class Fpages {
    /** The edges of the user range, the kernel-owned pages, the regions the fuzzers use, the kernel's range. */
    static final long[] INTERESTING_BASES = {0, 0x1000, 0x10000, FuzzSystem.SOURCE_ADDRESS, FuzzSystem.SLOTS_ADDRESS,
        0x7000_0000L, 0x8000_0000L, UserLayout.UTCB_AREA & 0xFFFF_FFFFL, UserLayout.BOOT_INFO & 0xFFFF_FFFFL,
        0xBFFF_F000L, UserLayout.USER_END, 0xFFFF_F000L};
    private static final int[] INTERESTING_SIZES = {0, 12, 16, 20, 22, 30, 31, 32};

    private Fpages() {}

    /** Any fpage word: nil, legal, too small, too large, aligned or not, at random or at an interesting place. */
    static int any(SplittableRandom random) {
        int pick = random.nextInt(100);
        int log2;
        if (pick < 10) {
            log2 = 0;
        } else if (pick < 55) {
            log2 = 12 + random.nextInt(21);
        } else if (pick < 65) {
            log2 = 1 + random.nextInt(11);
        } else if (pick < 75) {
            log2 = 33 + random.nextInt(31);
        } else {
            log2 = INTERESTING_SIZES[random.nextInt(INTERESTING_SIZES.length)];
        }
        return Encodings.fpage(base(random, log2), log2, random.nextInt(8));
    }

    /** A base for an fpage of 2^log2 bytes: aligned at random, unaligned at random, or interesting. */
    static long base(SplittableRandom random, int log2) {
        int pick = random.nextInt(100);
        if (pick < 40) {
            long size = log2 >= 32 ? 1L << 32 : 1L << Math.max(log2, 10);
            return (random.nextLong() & 0xFFFF_FFFFL) & ~(size - 1);
        } else if (pick < 65) {
            return (random.nextLong() & 0xFFFF_FC00L) | 0x400;
        }
        return INTERESTING_BASES[random.nextInt(INTERESTING_BASES.length)];
    }

    /** A legal fpage of 2^log2 bytes holding {@code address} (rounded down to its size). */
    static int around(long address, int log2, int rights) {
        long size = 1L << log2;
        return Encodings.fpage(address & ~(size - 1), log2, rights);
    }

    /** A send base: anywhere, at an interesting place, or just off one. */
    static long sendBase(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 40) {
            return random.nextLong() & 0xFFFF_FFFFL;
        }
        long base = INTERESTING_BASES[random.nextInt(INTERESTING_BASES.length)];
        return pick < 80 ? base : (base + (random.nextInt(16) - 8) * 4096L) & 0xFFFF_FFFFL;
    }
}
