package org.l4emu.emulator.engine;

import static org.l4emu.emulator.engine.InternalsCheck.expect;
import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.l4emu.emulator.host.EngineObjects;
import org.l4emu.emulator.host.MemorySearch;
import org.l4emu.emulator.host.ReadableMemory;

/**
 * Finds where QEMU keeps a CPU's general registers: values written through Unicorn's register
 * calls, register {@code i} holding {@code base + i * 0x111}, are searched for in the engine's
 * objects ({@link EngineObjects}). The first signature may also lie in the freed state of an
 * engine closed before, so only the candidate that then follows a second signature, one no
 * search of this process wrote before, is the live one. A single register in a state already
 * found ({@link #locateWord}) is found the same way, with two values of its own.
 */
public final class RegisterSignature {
    private static final int FIRST = 0x5A5A_0000;
    private static final int SECONDS = 0x3C00_0000;
    private static final AtomicInteger SEARCHES = new AtomicInteger();

    /** Sets register {@code register} of the signature to {@code value} through Unicorn's register calls. */
    public interface Writer {
        void write(int register, int value);
    }

    private RegisterSignature() {
    }

    /**
     * The address of register 0 of the {@code count} registers that {@code write} sets (index,
     * value) in the engine at {@code engine}, each kept in a word of {@code wordBytes} (4 or 8,
     * the value zero-extended). The registers are left changed. {@code what} names the state in
     * a failure.
     */
    public static long locate(long engine, ReadableMemory memory, int count, int wordBytes,
                              Writer write, String what) {
        writeAll(write, count, FIRST);
        List<Long> candidates;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment needle = arena.allocate((long) count * wordBytes);
            for (int i = 0; i < count; i++) {
                setWord(needle, (long) i * wordBytes, wordBytes, value(FIRST, i));
            }
            candidates = EngineObjects.find(engine, memory, needle, wordBytes);
        }
        int second = nextBase();
        writeAll(write, count, second);
        List<Long> live = candidates.stream().filter(at -> holds(at, count, wordBytes, second)).toList();
        expect(!candidates.isEmpty(), "found no candidate for " + what);
        expect(live.size() == 1, () -> "found " + live.size() + " of " + candidates.size() + " candidates for "
                + what + " following a register write");
        return live.getFirst();
    }

    /**
     * The address of the one word of {@code state} ({@code wordBytes} long, 4 or 8, aligned to
     * it) that holds each of two values {@code write} sets through Unicorn, the first then the
     * second (each word aligned and 0x1000 apart from any other search's). The register is left
     * changed. {@code what} names it in a failure.
     */
    public static long locateWord(MemorySegment state, int wordBytes, IntConsumer write, String what) {
        int first = nextBase();
        write.accept(first);
        List<Long> candidates = MemorySearch.wordsHolding(state, first, wordBytes);
        int second = nextBase();
        write.accept(second);
        List<Long> live = candidates.stream()
                .filter(at -> word(at, wordBytes) == Integer.toUnsignedLong(second)).toList();
        expect(live.size() == 1, () -> "found " + live.size() + " places for " + what);
        return live.getFirst();
    }

    /** Register {@code register}'s value in the signature with {@code base}. */
    public static int value(int base, int register) {
        return base + register * 0x111;
    }

    /** A signature base of its own for each search (bases 0x1000 apart never share a value). */
    public static int nextBase() {
        return SECONDS + (SEARCHES.getAndIncrement() & 0xFFF) * 0x1000;
    }

    private static void writeAll(Writer write, int count, int base) {
        for (int i = 0; i < count; i++) {
            write.write(i, value(base, i));
        }
    }

    private static boolean holds(long at, int count, int wordBytes, int base) {
        for (int i = 0; i < count; i++) {
            if (word(at + (long) i * wordBytes, wordBytes) != Integer.toUnsignedLong(value(base, i))) {
                return false;
            }
        }
        return true;
    }

    private static long word(long address, int wordBytes) {
        return wordBytes == Long.BYTES ? PROCESS.get(ValueLayout.JAVA_LONG_UNALIGNED, address)
                : Integer.toUnsignedLong(PROCESS.get(ValueLayout.JAVA_INT_UNALIGNED, address));
    }

    private static void setWord(MemorySegment segment, long offset, int wordBytes, int value) {
        if (wordBytes == Long.BYTES) {
            segment.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, Integer.toUnsignedLong(value));
        } else {
            segment.set(ValueLayout.JAVA_INT_UNALIGNED, offset, value);
        }
    }
}
