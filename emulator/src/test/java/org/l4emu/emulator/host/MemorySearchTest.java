package org.l4emu.emulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemorySearchTest {
    private static final int PATTERN = 0x5A5A_1234;

    @Test
    void findsTheFirstAlignedOccurrenceFromTheOffsetGiven() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment haystack = arena.allocate(4096, 8);
            MemorySegment needle = arena.allocateFrom(ValueLayout.JAVA_INT, PATTERN);
            haystack.set(ValueLayout.JAVA_INT_UNALIGNED, 101, PATTERN); // unaligned: not an occurrence
            haystack.set(ValueLayout.JAVA_INT_UNALIGNED, 2000, PATTERN);
            haystack.set(ValueLayout.JAVA_INT_UNALIGNED, 3000, PATTERN);
            assertEquals(2000, MemorySearch.indexOf(haystack, needle, 0, Integer.BYTES));
            assertEquals(101, MemorySearch.indexOf(haystack, needle, 0, 1));
            assertEquals(3000, MemorySearch.indexOf(haystack, needle, 2001, Integer.BYTES));
            assertEquals(-1, MemorySearch.indexOf(haystack, needle, 3001, Integer.BYTES));
        }
    }

    @Test
    void readsNothingBeyondTheHaystack() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(64, 8);
            MemorySegment needle = arena.allocateFrom(ValueLayout.JAVA_INT, PATTERN);
            block.set(ValueLayout.JAVA_INT, 32, PATTERN);
            assertEquals(-1, MemorySearch.indexOf(block.asSlice(0, 34), needle, 0, Integer.BYTES));
            assertEquals(32, MemorySearch.indexOf(block.asSlice(0, 36), needle, 0, Integer.BYTES));
        }
    }

    @Test
    void theNeedleItselfIsNoOccurrence() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(256, 8);
            MemorySegment needle = block.asSlice(64, 4);
            needle.set(ValueLayout.JAVA_INT, 0, PATTERN);
            assertEquals(-1, MemorySearch.indexOf(block, needle, 0, Integer.BYTES));
            block.set(ValueLayout.JAVA_INT, 128, PATTERN);
            assertEquals(128, MemorySearch.indexOf(block, needle, 0, Integer.BYTES));
        }
    }

    @Test
    void searchesNativeMemoryOnly() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment needle = arena.allocateFrom(ValueLayout.JAVA_INT, PATTERN);
            assertThrows(IllegalArgumentException.class,
                    () -> MemorySearch.indexOf(MemorySegment.ofArray(new int[16]), needle, 0, Integer.BYTES));
        }
    }

    /** Every aligned word holding the value, as 4-byte words or as 8-byte words zero-extended. */
    @Test
    void findsEveryAlignedWordHoldingAValue() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment haystack = arena.allocate(256, 8);
            haystack.set(ValueLayout.JAVA_INT, 8, PATTERN);
            haystack.set(ValueLayout.JAVA_INT_UNALIGNED, 18, PATTERN); // unaligned
            haystack.set(ValueLayout.JAVA_INT, 36, PATTERN);
            haystack.set(ValueLayout.JAVA_LONG, 64, Integer.toUnsignedLong(PATTERN));
            long base = haystack.address();
            assertEquals(List.of(base + 8, base + 36, base + 64), MemorySearch.wordsHolding(haystack, PATTERN, Integer.BYTES));
            // As 8-byte words only the one at 64 holds it: at 8 the high half is not 0, and 36 is not 8-aligned.
            haystack.set(ValueLayout.JAVA_INT, 12, 7);
            assertEquals(List.of(base + 64), MemorySearch.wordsHolding(haystack, PATTERN, Long.BYTES));
        }
    }
}
