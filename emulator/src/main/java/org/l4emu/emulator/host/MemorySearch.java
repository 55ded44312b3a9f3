package org.l4emu.emulator.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.NativeShape;

/**
 * Finds a byte pattern in native memory with the C library's {@code memmem}. The engine
 * calibrations search megabytes of Unicorn's memory at start-up, before the JIT has compiled
 * anything: a Java loop took 3-4 ns a byte there (about 45 ms of each arm boot).
 */
public final class MemorySearch {
    private static final MethodHandle MEMMEM = CLibrary.function("memmem"); // void *(const void *, size_t, const void *, size_t)

    private MemorySearch() {
    }

    /**
     * The offset in {@code haystack} of the first occurrence of {@code needle}'s bytes at or after
     * {@code from} whose offset is a multiple of {@code alignment}, or -1. Both are native memory
     * the caller knows to be readable; the needle itself, should it lie in the haystack, is not
     * an occurrence.
     */
    public static long indexOf(MemorySegment haystack, MemorySegment needle, long from, int alignment) {
        if (!haystack.isNative() || !needle.isNative()) {
            throw new IllegalArgumentException("memmem searches native memory only");
        }
        long start = from;
        while (start >= 0 && haystack.byteSize() - start >= needle.byteSize()) {
            long found = find(haystack, needle, start);
            if (found < 0) {
                return -1;
            }
            if (found % alignment == 0 && haystack.address() + found != needle.address()) {
                return found;
            }
            start = found + 1;
        }
        return -1;
    }

    /**
     * The addresses of the words of {@code haystack} ({@code wordBytes} long, 4 or 8, at offsets
     * that are multiples of it) that hold {@code value}, zero-extended to the word.
     */
    public static List<Long> wordsHolding(MemorySegment haystack, int value, int wordBytes) {
        List<Long> found = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment needle = wordBytes == Long.BYTES
                    ? arena.allocateFrom(ValueLayout.JAVA_LONG, Integer.toUnsignedLong(value))
                    : arena.allocateFrom(ValueLayout.JAVA_INT, value);
            for (long offset = indexOf(haystack, needle, 0, wordBytes); offset >= 0;
                    offset = indexOf(haystack, needle, offset + 1, wordBytes)) {
                found.add(haystack.address() + offset);
            }
        }
        return found;
    }

    private static long find(MemorySegment haystack, MemorySegment needle, long from) {
        try {
            long address = (long) MEMMEM.invokeExact(haystack.address() + from, haystack.byteSize() - from,
                    needle.address(), needle.byteSize(), 0L, 0L);
            return address == 0 ? -1 : address - haystack.address();
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }
}
