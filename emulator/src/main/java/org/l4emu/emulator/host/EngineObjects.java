package org.l4emu.emulator.host;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
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
     * the objects the first words of the engine at {@code engine} point to.
     */
    public static List<Long> find(long engine, ReadableMemory memory, MemorySegment signature, int alignment) {
        List<Long> candidates = new ArrayList<>();
        for (long offset = 0; offset + Long.BYTES <= ENGINE_SCAN_BYTES; offset += Long.BYTES) {
            if (memory.readableBytes(engine + offset, Long.BYTES) < Long.BYTES) {
                break;
            }
            long pointer = PROCESS.get(ValueLayout.JAVA_LONG_UNALIGNED, engine + offset);
            long candidate = findFrom(memory, pointer, signature, alignment);
            if (candidate != 0 && !candidates.contains(candidate)) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    /** How far the object at {@code address} can be read, within the scan's reach. */
    public static long readableObject(ReadableMemory memory, long address) {
        return memory.readableBytes(address, OBJECT_SCAN_BYTES);
    }

    private static long findFrom(ReadableMemory memory, long start, MemorySegment signature, int alignment) {
        long aligned = (start + alignment - 1) & -(long) alignment;
        long readable = readableObject(memory, aligned);
        if (readable < signature.byteSize()) {
            return 0;
        }
        long found = MemorySearch.indexOf(PROCESS.asSlice(aligned, readable), signature, 0, alignment);
        return found < 0 ? 0 : aligned + found;
    }
}
