package org.l4emu.tools.harness;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One expected line as a case file writes it: the exact line; with {@code *}, a wildcard matching
 * any text; or {@code /regex/}, a Java regular expression matching the whole line.
 */
public record LinePattern(String text, Pattern pattern) {
    public static LinePattern parse(String text) {
        if (text.length() >= 2 && text.startsWith("/") && text.endsWith("/")) {
            try {
                return new LinePattern(text, Pattern.compile(text.substring(1, text.length() - 1)));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regular expression " + text + ": " + e.getDescription());
            }
        }
        if (text.contains("*")) {
            StringBuilder regex = new StringBuilder();
            for (String literal : text.split("\\*", -1)) {
                if (!regex.isEmpty()) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(literal));
            }
            return new LinePattern(text, Pattern.compile(regex.toString()));
        }
        return new LinePattern(text, null);
    }

    public boolean matches(String line) {
        return pattern == null ? text.equals(line) : pattern.matcher(line).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
