package org.l4emu.tools.harness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LinePattern: exact lines, * wildcards and /regular expressions/")
class LinePatternTest {
    @Test
    @DisplayName("a line without * or slashes matches itself only, regex characters included")
    void exact() {
        LinePattern pattern = LinePattern.parse("ping: reply (10) [x]");
        assertTrue(pattern.matches("ping: reply (10) [x]"));
        assertFalse(pattern.matches("ping: reply (10) [x] "));
        assertFalse(pattern.matches("ping: reply 10"));
    }

    @Test
    @DisplayName("* matches any text, the rest literally")
    void wildcard() {
        LinePattern pattern = LinePattern.parse("client is released: *");
        assertTrue(pattern.matches("client is released: final delivery"));
        assertTrue(pattern.matches("client is released: "));
        assertFalse(pattern.matches("client's send fails: error 8"));
        assertTrue(LinePattern.parse("*(R)*").matches("pump receives from client (R) x"));
    }

    @Test
    @DisplayName("/.../ is a regular expression over the whole line")
    void regex() {
        LinePattern pattern = LinePattern.parse("/after 50[0-4] us/");
        assertFalse(pattern.matches("error 1, after 502 us"));
        assertTrue(LinePattern.parse("/.*after 50[0-4] us/").matches("error 1, after 502 us"));
    }

    @Test
    @DisplayName("a bad regular expression is an error naming it")
    void badRegex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinePattern.parse("/a(b/"));
        assertTrue(e.getMessage().contains("/a(b/"), e.getMessage());
    }
}
