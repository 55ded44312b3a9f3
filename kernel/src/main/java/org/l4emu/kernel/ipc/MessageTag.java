package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;

/** MR0: label (31..16), flags (15..12), typed words t (11..6), untyped words u (5..0). */
public final class MessageTag {
    /** u + t: a message is MR0..MR(u + t), and MR63 is the last message register. */
    public static final int MAX_WORDS = Abi.Tag.MAX_WORDS;
    public static final int KERNEL_FLAG = Abi.Tag.KERNEL_FLAG;

    private MessageTag() {}

    public static int label(int tag) {
        return Abi.Tag.LABEL.get(tag);
    }

    public static int untypedWords(int tag) {
        return Abi.Tag.UNTYPED.get(tag);
    }

    public static int typedWords(int tag) {
        return Abi.Tag.TYPED.get(tag);
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
        return tag & ~Abi.Tag.FLAGS.bits();
    }

    /** {@code flags} are tag bits (KERNEL_FLAG), in place. */
    public static int make(int label, int flags, int typed, int untyped) {
        return Abi.Tag.LABEL.place(label) | (flags & Abi.Tag.FLAGS.bits()) | Abi.Tag.TYPED.place(typed)
                | Abi.Tag.UNTYPED.place(untyped);
    }
}
