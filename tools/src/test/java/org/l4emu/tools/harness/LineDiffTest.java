package org.l4emu.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LineDiff: the first difference and a unified diff")
class LineDiffTest {
    private static final List<String> EXPECTED = List.of("a sends to b", "b receives from a", "b exits", "a exits");

    private static LineDiff diff(List<String> actual) {
        return LineDiff.between(EXPECTED, actual, "expected", "actual").orElseThrow();
    }

    @Test
    @DisplayName("equal texts have no difference")
    void equal() {
        assertTrue(LineDiff.between(EXPECTED, List.copyOf(EXPECTED), "e", "a").isEmpty());
    }

    @Test
    @DisplayName("a changed line is the first difference, shown expected and actual")
    void changed() {
        LineDiff diff = diff(List.of("a sends to b", "b receives from a", "b stops (fault)", "a exits"));
        assertEquals(2, diff.expectedIndex());
        assertEquals(2, diff.actualIndex());
        String text = diff.describe("event");
        assertTrue(text.startsWith("first difference at event 3:\n  expected: b exits\n  actual:   b stops (fault)\n"),
                text);
        assertTrue(text.contains("\n-b exits\n+b stops (fault)\n"), text);
    }

    @Test
    @DisplayName("an inserted event is the first difference; the rest is not reported as changed")
    void inserted() {
        LineDiff diff = diff(List.of("a sends to b", "a is released: monitor receipt", "b receives from a", "b exits",
                "a exits"));
        assertEquals(1, diff.expectedIndex());
        String text = diff.describe("event");
        assertTrue(text.contains("  expected: b receives from a\n  actual:   a is released: monitor receipt\n"), text);
        assertEquals(1, text.lines().filter(line -> line.startsWith("+") && !line.startsWith("+++")).count(), text);
        assertEquals(0, text.lines().filter(line -> line.startsWith("-") && !line.startsWith("---")).count(), text);
    }

    @Test
    @DisplayName("a run that ends early says so")
    void endsEarly() {
        LineDiff diff = diff(List.of("a sends to b", "b receives from a"));
        assertEquals(2, diff.expectedIndex());
        assertTrue(diff.describe("event").contains("  actual:   (nothing: the text ends here)\n"));
    }

    @Test
    @DisplayName("a long diff is cut short and says how much was left out")
    void cutShort() {
        List<String> many = IntStream.range(0, 100).mapToObj(i -> "line " + i).toList();
        List<String> other = new ArrayList<>(many.stream().map(line -> line + " changed").toList());
        String text = LineDiff.between(many, other, "e", "a").orElseThrow().describe("line");
        assertTrue(text.contains(" more diff lines"), text);
        assertTrue(text.lines().count() < LineDiff.MAX_DIFF_LINES + 5, text);
    }
}
