package org.l4emu.tools.harness;

import java.util.Locale;
import org.l4emu.kernel.ipc.MessageTag;

/** A message tag in transcript words: "label 0x4c, 2 words, 2 typed words". */
final class MessageText {
    private MessageText() {}

    static String of(int tag) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "label 0x%x", MessageTag.label(tag)));
        appendCount(text, MessageTag.untypedWords(tag), "word");
        appendCount(text, MessageTag.typedWords(tag), "typed word");
        return text.toString();
    }

    private static void appendCount(StringBuilder text, int count, String noun) {
        if (count > 0) {
            text.append(", ").append(count).append(' ').append(noun).append(count == 1 ? "" : "s");
        }
    }
}
