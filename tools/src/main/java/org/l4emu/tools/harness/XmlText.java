package org.l4emu.tools.harness;

/** Text made safe for XML 1.0, which has no way to write most control characters a guest may print. */
final class XmlText {
    private static final char REPLACEMENT = '\uFFFD';

    private XmlText() {}

    static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
            clean.append(allowed ? c : REPLACEMENT);
        }
        return clean.toString();
    }
}
