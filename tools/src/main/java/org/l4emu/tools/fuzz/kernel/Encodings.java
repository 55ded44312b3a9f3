package org.l4emu.tools.fuzz.kernel;

import org.l4emu.kernel.ipc.MessageTag;

/** The ABI's encodings the generators write: timeouts, fpages, typed items, tags (ABI sections 2 and 3). */
final class Encodings {
    static final int NEVER = 0;
    static final int ZERO = 0x0400;
    static final int MAP = 4;
    static final int GRANT = 5;
    private static final int MANTISSA_BITS = 10;
    private static final int MAX_EXPONENT = 31;

    private Encodings() {}

    /** The shortest m * 2^e of at least {@code micros} (0: the zero timeout). */
    static int micros(long micros) {
        if (micros <= 0) {
            return ZERO;
        }
        int exponent = 0;
        while (exponent < MAX_EXPONENT && (micros + (1L << exponent) - 1) >> exponent >= 1 << MANTISSA_BITS) {
            exponent++;
        }
        long mantissa = Math.min((micros + (1L << exponent) - 1) >> exponent, (1 << MANTISSA_BITS) - 1);
        return exponent << MANTISSA_BITS | (int) mantissa;
    }

    static int timeouts(int send, int receive) {
        return (send & 0xFFFF) << 16 | (receive & 0xFFFF);
    }

    /** An fpage word: base bits 31..10 as given (aligned or not), log2 size in bits 9..4, rights. */
    static int fpage(long base, int log2Size, int rights) {
        return (int) (base & ~0x3FFL) | (log2Size & 0x3F) << 4 | (rights & 7);
    }

    /** Word 0 of a typed item: send base (bits 31..10) and type. */
    static int item(long sendBase, int type) {
        return (int) (sendBase & ~0x3FFL) | (type & 7) << 1;
    }

    /** MR0 with {@code untyped} and {@code typed} words (each 0..63; their sum may exceed 63: the caller decides). */
    static int tag(int label, int untyped, int typed) {
        return MessageTag.make(label & 0xFFFF, 0, typed & 0x3F, untyped & 0x3F);
    }

    /** A send descriptor: parameter block address (16-byte aligned part) and option, or none. */
    static int descriptor(int block, int option) {
        return (block & ~0xF) | (option < 0 ? 0 : 1 | (option & 7) << 1);
    }
}
