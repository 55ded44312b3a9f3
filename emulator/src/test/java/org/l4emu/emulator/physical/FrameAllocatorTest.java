package org.l4emu.emulator.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.junit.jupiter.api.Test;

class FrameAllocatorTest {
    private static final int PAGE = 4096;

    @Test
    void framesAreDistinctAlignedAndInRange() throws OutOfPhysicalMemoryException {
        FrameAllocator allocator = new FrameAllocator(PAGE, 64 * PAGE);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 63; i++) {
            long frame = allocator.allocate(1, PAGE);
            assertEquals(0, frame % PAGE);
            assertNotEquals(0, frame);
            assertEquals(true, seen.add(frame));
        }
        assertEquals(63, allocator.allocatedFrames());
        assertThrows(OutOfPhysicalMemoryException.class, () -> allocator.allocate(1, PAGE));
    }

    @Test
    void alignedBlocksAreAlignedAndTheGapIsNotLost() throws OutOfPhysicalMemoryException {
        FrameAllocator allocator = new FrameAllocator(PAGE, 32 * PAGE);
        long single = allocator.allocate(1, PAGE);
        long table = allocator.allocate(4, 16 * 1024);

        assertEquals(PAGE, single);
        assertEquals(0, table % (16 * 1024));
        assertEquals(4 * PAGE, table, "frames 2 and 3 were skipped for alignment");
        assertEquals(2 * PAGE, allocator.allocate(1, PAGE) & ~PAGE, "the skipped frames are handed out later");
    }

    @Test
    void freedFramesComeBackLastInFirstOut() throws OutOfPhysicalMemoryException {
        FrameAllocator allocator = new FrameAllocator(PAGE, 32 * PAGE);
        long a = allocator.allocate(1, PAGE);
        long b = allocator.allocate(1, PAGE);
        allocator.free(a, 1);
        allocator.free(b, 1);

        assertEquals(b, allocator.allocate(1, PAGE));
        assertEquals(a, allocator.allocate(1, PAGE));
    }

    @Test
    void freedBlockServesTheNextBlockOfItsSize() throws OutOfPhysicalMemoryException {
        FrameAllocator allocator = new FrameAllocator(PAGE, 64 * PAGE);
        long table = allocator.allocate(4, 16 * 1024);
        allocator.allocate(1, PAGE);
        allocator.free(table, 4);

        assertEquals(table, allocator.allocate(4, 16 * 1024));
    }

    @Test
    void exhaustedBumpRangeFallsBackToFreedFrames() throws OutOfPhysicalMemoryException {
        FrameAllocator allocator = new FrameAllocator(16 * 1024, 32 * 1024);
        long[] frames = new long[4];
        for (int i = 0; i < 4; i++) {
            frames[i] = allocator.allocate(1, PAGE);
        }
        for (long frame : frames) {
            allocator.free(frame, 1);
        }

        assertEquals(16 * 1024, allocator.allocate(4, 16 * 1024), "four freed singles form an aligned block");
        assertThrows(OutOfPhysicalMemoryException.class, () -> allocator.allocate(1, PAGE));
        allocator.free(16 * 1024, 4);
        assertEquals(4, countSingles(allocator), "a freed block can be split into singles");
    }

    @Test
    void doubleFreeAndForeignFramesAreRejected() throws OutOfPhysicalMemoryException {
        FrameAllocator allocator = new FrameAllocator(PAGE, 16 * PAGE);
        long frame = allocator.allocate(1, PAGE);
        allocator.free(frame, 1);

        assertThrows(IllegalStateException.class, () -> allocator.free(frame, 1));
        assertThrows(IllegalArgumentException.class, () -> allocator.free(64 * PAGE, 1));
        assertThrows(IllegalArgumentException.class, () -> allocator.free(frame + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> allocator.allocate(1, 3 * PAGE));
        assertThrows(IllegalArgumentException.class, () -> allocator.allocate(0, PAGE));
    }

    @Test
    void sameCallsGiveTheSameFrames() throws OutOfPhysicalMemoryException {
        assertEquals(script(), script());
    }

    private static String script() throws OutOfPhysicalMemoryException {
        FrameAllocator allocator = new FrameAllocator(PAGE, 256 * PAGE);
        StringBuilder out = new StringBuilder();
        long[] held = new long[20];
        for (int i = 0; i < held.length; i++) {
            held[i] = allocator.allocate(i % 5 == 0 ? 4 : 1, i % 5 == 0 ? 16 * 1024 : PAGE);
            out.append(held[i]).append(',');
        }
        for (int i = 0; i < held.length; i += 3) {
            allocator.free(held[i], i % 5 == 0 ? 4 : 1);
        }
        for (int i = 0; i < 10; i++) {
            out.append(allocator.allocate(1, PAGE)).append(',');
        }
        return out.toString();
    }

    private static int countSingles(FrameAllocator allocator) {
        int count = 0;
        try {
            while (true) {
                allocator.allocate(1, PAGE);
                count++;
            }
        } catch (OutOfPhysicalMemoryException e) {
            return count;
        }
    }
}
