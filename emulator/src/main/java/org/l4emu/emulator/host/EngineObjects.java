package org.l4emu.emulator.host;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a value the engine keeps in its private objects: Unicorn says where none of them lie,
 * but {@code struct uc_struct} holds pointers to them (its {@code cpu} field to the object that
 * holds QEMU's CPU state). The places found are candidates only: a signature may also lie in
 * the freed objects of an engine closed before, so callers write a second one and keep the
 * candidate that follows it.
 */
public final class EngineObjects {
    private static final int ENGINE_SCAN_BYTES = 4096;
    /** How far past a pointer to look: the CPU object holds a 32 KiB jump cache before the state. */
    private static final int OBJECT_SCAN_BYTES = 128 * 1024;

    private EngineObjects() {
    }

    /**
     * Every distinct address, {@code alignment}-aligned, at which {@code signature} lies within
     * the objects the first words of the engine at {@code engine} point to. A hundred of those
     * words point into a dozen regions, so the stretches they open are merged and each byte is
     * searched once: searched pointer by pointer, the same 14 MiB took 30 ms of every boot.
     */
    public static List<Long> find(long engine, ReadableMemory memory, MemorySegment signature, int alignment) {
        List<long[]> stretches = new ArrayList<>();
        for (long offset = 0; offset + Long.BYTES <= ENGINE_SCAN_BYTES; offset += Long.BYTES) {
            if (memory.readableBytes(engine + offset, Long.BYTES) < Long.BYTES) {
                break;
            }
            long pointer = PROCESS.get(ValueLayout.JAVA_LONG_UNALIGNED, engine + offset);
            long aligned = (pointer + alignment - 1) & -(long) alignment;
            long readable = readableObject(memory, aligned);
            if (readable >= signature.byteSize()) {
                stretches.add(new long[] {aligned, aligned + readable});
            }
        }
        List<Long> candidates = new ArrayList<>();
        for (long[] stretch : merged(stretches)) {
            MemorySegment haystack = PROCESS.asSlice(stretch[0], stretch[1] - stretch[0]);
            for (long found = MemorySearch.indexOf(haystack, signature, 0, alignment); found >= 0;
                    found = MemorySearch.indexOf(haystack, signature, found + alignment, alignment)) {
                candidates.add(stretch[0] + found);
            }
        }
        return candidates;
    }

    /**
     * The stretches, sorted, with those that overlap joined. Each is readable to its end and
     * starts aligned, so a join stays readable, and the offsets searched in it keep the alignment.
     */
    private static List<long[]> merged(List<long[]> stretches) {
        stretches.sort(Comparator.comparingLong(stretch -> stretch[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] stretch : stretches) {
            long[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && stretch[0] <= last[1]) {
                last[1] = Math.max(last[1], stretch[1]);
            } else {
                merged.add(stretch.clone());
            }
        }
        return merged;
    }

    /** How far the object at {@code address} can be read, within the scan's reach. */
    public static long readableObject(ReadableMemory memory, long address) {
        return memory.readableBytes(address, OBJECT_SCAN_BYTES);
    }
}
