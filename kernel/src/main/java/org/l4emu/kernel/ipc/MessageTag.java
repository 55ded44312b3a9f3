package org.l4emu.kernel.ipc;

import org.l4emu.kernel.memory.Utcb;

/** MR0: label (31..16), flags (15..12), typed words t (11..6), untyped words u (5..0). */
public final class MessageTag {
    /** u + t: a message is MR0..MR(u + t), and MR63 is the last message register. */
    public static final int MAX_WORDS = Utcb.LAST_MR;
    public static final int KERNEL_FLAG = 1 << 15;
    private static final int FLAGS_MASK = 0xF000;

    private MessageTag() {}

    public static int label(int tag) {
        return tag >>> 16;
    }

    public static int untypedWords(int tag) {
        return tag & 0x3F;
    }

    public static int typedWords(int tag) {
        return (tag >>> 6) & 0x3F;
    }

    /** Message registers after MR0 that a message with this tag occupies. */
    public static int wordCount(int tag) {
        return untypedWords(tag) + typedWords(tag);
    }

    public static boolean isValid(int tag) {
        return wordCount(tag) <= MAX_WORDS;
    }

    /** The tag as delivered: flags are kernel outputs (L4 X.2), so a user's flag bits never arrive. */
    public static int asDelivered(int tag) {
        return tag & ~FLAGS_MASK;
    }

    public static int make(int label, int flags, int typed, int untyped) {
        return (label << 16) | (flags & FLAGS_MASK) | (typed << 6) | untyped;
    }
}
