package org.l4emu.kernel.memory;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.Access;

/**
 * A flexpage (ABI section 2): base (bits 31..10, aligned to its size), log2 size (bits 9..4,
 * 12..32) and rights (bits 2..0). Size 0 is the nil fpage.
 */
public record Fpage(long base, int log2Size, Access rights) {
    public static final int MIN_LOG2 = Abi.Fpage.MIN_LOG2;
    public static final int MAX_LOG2 = Abi.Fpage.MAX_LOG2;
    public static final Fpage WHOLE_SPACE = new Fpage(0, MAX_LOG2, Access.ALL);

    public static Fpage of(int word) {
        return new Fpage(Integer.toUnsignedLong(word & Abi.Fpage.BASE_MASK), Abi.Fpage.SIZE.get(word),
                AccessBits.access(Abi.Fpage.RIGHTS.get(word)));
    }

    /** True when the word is nil or a well-formed fpage: legal size, base aligned to it. */
    public static boolean isValid(int word) {
        // From the word itself: every receive checks its window, and allocates nothing to do it.
        int log2Size = Abi.Fpage.SIZE.get(word);
        if (log2Size == 0) {
            return true;
        }
        long base = Integer.toUnsignedLong(word & Abi.Fpage.BASE_MASK);
        return log2Size >= MIN_LOG2 && log2Size <= MAX_LOG2 && (base & ((1L << log2Size) - 1)) == 0;
    }

    public boolean isNil() {
        return log2Size == 0;
    }

    public long size() {
        return 1L << log2Size;
    }
}
