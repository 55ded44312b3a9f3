package org.l4emu.abi;

/** A field of a 32-bit ABI word: {@code width} bits from bit {@code shift} up. */
public record BitField(int shift, int width) {
    public BitField {
        if (shift < 0 || width < 1 || shift + width > 32) {
            throw new IllegalArgumentException("no field of " + width + " bits at bit " + shift + " in a 32-bit word");
        }
    }

    /** The field's largest value: its mask before shifting. */
    public int mask() {
        return (int) ((1L << width) - 1);
    }

    /** The field's bits where they lie in the word. */
    public int bits() {
        return mask() << shift;
    }

    /** The field's value in {@code word}. */
    public int get(int word) {
        return (word >>> shift) & mask();
    }

    /** {@code value}, cut to the field's width, in the field's place. */
    public int place(int value) {
        return (value & mask()) << shift;
    }
}
