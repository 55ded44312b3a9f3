package org.l4emu.emulator.physical;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;

/**
 * Hands out 4 KiB frames of a physical range: a bump pointer over never-used frames, a LIFO
 * stack of freed single frames, and freed multi-frame blocks kept whole by size (so a freed
 * 16 KiB L1 table serves the next one). Everything is deterministic: the same sequence of calls
 * returns the same frames. Zeroing freed frames is the caller's job.
 */
final class FrameAllocator {
    private static final int FRAME_SHIFT = 12;

    private final int firstFrame;
    private final int limitFrame;
    private final BitSet allocated = new BitSet();
    private final IntStack freeSingles = new IntStack();
    private final Map<Integer, ArrayDeque<Integer>> freeBlocksBySize = new HashMap<>();
    private int bump;
    private long allocatedCount;

    /** Manages frames of physical addresses {@code [start, end)}, both page aligned. */
    FrameAllocator(long start, long end) {
        if ((start | end) % PhysicalMemory.PAGE_SIZE != 0 || start >= end) {
            throw new IllegalArgumentException("bad frame range 0x" + Long.toHexString(start) + "..0x"
                    + Long.toHexString(end));
        }
        this.firstFrame = Math.toIntExact(start >>> FRAME_SHIFT);
        this.limitFrame = Math.toIntExact(end >>> FRAME_SHIFT);
        this.bump = firstFrame;
    }

    long allocatedFrames() {
        return allocatedCount;
    }

    long allocate(int count, int alignment) throws OutOfPhysicalMemoryException {
        if (count < 1) {
            throw new IllegalArgumentException("frame count " + count);
        }
        if (alignment < PhysicalMemory.PAGE_SIZE || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two >= 4096");
        }
        int alignFrames = alignment >>> FRAME_SHIFT;
        int frame = takeFreed(count, alignFrames);
        if (frame < 0) {
            frame = takeFromBump(count, alignFrames);
        }
        if (frame < 0) {
            frame = takeBySearch(count, alignFrames);
        }
        if (frame < 0) {
            throw new OutOfPhysicalMemoryException("no " + count + " free frames aligned to " + alignment + " bytes ("
                    + allocatedCount + " of " + (limitFrame - firstFrame) + " frames in use)");
        }
        allocated.set(frame, frame + count);
        allocatedCount += count;
        return (long) frame << FRAME_SHIFT;
    }

    /** Returns frames; throws if any of them is not currently allocated (a double free). */
    void free(long address, int count) {
        if (address % PhysicalMemory.PAGE_SIZE != 0 || count < 1) {
            throw new IllegalArgumentException("bad free of " + count + " frames at 0x" + Long.toHexString(address));
        }
        long first = address >>> FRAME_SHIFT;
        if (first < firstFrame || first + count > limitFrame) {
            throw new IllegalArgumentException("frames 0x" + Long.toHexString(address) + " (+" + count
                    + ") are outside this memory");
        }
        int frame = (int) first;
        int firstFree = allocated.nextClearBit(frame);
        if (firstFree < frame + count) {
            throw new IllegalStateException("frame 0x" + Long.toHexString((long) firstFree << FRAME_SHIFT)
                    + " freed but not allocated");
        }
        allocated.clear(frame, frame + count);
        allocatedCount -= count;
        if (count == 1) {
            freeSingles.push(frame);
        } else {
            freeBlocksBySize.computeIfAbsent(count, c -> new ArrayDeque<>()).push(frame);
        }
    }

    private int takeFreed(int count, int alignFrames) {
        if (count == 1 && alignFrames == 1) {
            return freeSingles.isEmpty() ? -1 : freeSingles.pop();
        }
        ArrayDeque<Integer> blocks = freeBlocksBySize.get(count);
        if (blocks == null) {
            return -1;
        }
        for (Integer block : blocks) {
            if (block % alignFrames == 0) {
                blocks.remove(block);
                return block;
            }
        }
        return -1;
    }

    private int takeFromBump(int count, int alignFrames) {
        int start = Math.ceilDiv(bump, alignFrames) * alignFrames;
        if ((long) start + count > limitFrame) {
            return -1;
        }
        for (int gap = bump; gap < start; gap++) {
            freeSingles.push(gap);
        }
        bump = start + count;
        return start;
    }

    /**
     * Last resort when the bump range is used up: look for a run among all freed frames, then
     * rebuild the free structures (single frames only, in address order) without it.
     */
    private int takeBySearch(int count, int alignFrames) {
        int found = -1;
        for (int start = Math.ceilDiv(firstFrame, alignFrames) * alignFrames; start + count <= bump;
                start += alignFrames) {
            int nextUsed = allocated.nextSetBit(start);
            if (nextUsed < 0 || nextUsed >= start + count) {
                found = start;
                break;
            }
        }
        if (found < 0) {
            return -1;
        }
        freeSingles.clear();
        freeBlocksBySize.clear();
        for (int frame = bump - 1; frame >= firstFrame; frame--) {
            if (!allocated.get(frame) && (frame < found || frame >= found + count)) {
                freeSingles.push(frame);
            }
        }
        return found;
    }

    /** A growable stack of ints without boxing: single frames are the hot path. */
    private static final class IntStack {
        private int[] items = new int[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void push(int value) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        int pop() {
            return items[--size];
        }

        void clear() {
            size = 0;
        }
    }
}
