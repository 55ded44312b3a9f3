package org.l4emu.tools.trace;

import java.util.Locale;
import org.l4emu.abi.Abi;

/** A message as MR0 (the tag) and MR1..MRn; {@code words} holds MR1 onwards. */
public record Message(int tag, int[] words) {
    public int label() {
        return Abi.Tag.LABEL.get(tag);
    }

    public int untypedWords() {
        return Abi.Tag.UNTYPED.get(tag);
    }

    public int typedWords() {
        return Abi.Tag.TYPED.get(tag);
    }

    /** "label 0x4c, MR1..2 = 0x1 0x2" style text for tables and diagrams. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "label 0x%x", label()));
        if (words.length > 0) {
            text.append(", MR1..").append(words.length).append(" =");
            for (int word : words) {
                text.append(' ').append(Words.hex(word));
            }
        }
        return text.toString();
    }
}
