package org.l4emu.kernel.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.physical.NativePhysicalMemory;

/**
 * The kernel reads a block of user words (an IPC parameter block) checking and translating each
 * page once: a block that runs into the next page reads that page's frame, wherever it lies,
 * and fails when that page is not readable.
 */
class UserMemoryWordsTest {
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;
    /** The block's first two words end one page, the next two start the page after it. */
    private static final int BLOCK = 0x20000 - 8;

    private final Arena arena = Arena.ofConfined();
    private final PhysicalMemory memory = new NativePhysicalMemory(arena.allocate(8L * PAGE, PAGE), 0, 8L * PAGE, 0,
            (address, length) -> {});
    private final UserMemory user = new UserMemory(memory);
    private final PageMap space = new PageMap();

    @AfterEach
    void close() {
        arena.close();
    }

    /** Pages mapped to frames, with rights. */
    private static final class PageMap implements AddressSpace {
        private final Map<Integer, Long> frames = new HashMap<>();
        private final Map<Integer, Access> rights = new HashMap<>();

        @Override
        public void map(int virtualAddress, long frame, Access access) {
            frames.put(virtualAddress & -PAGE, frame);
            rights.put(virtualAddress & -PAGE, access);
        }

        @Override
        public void unmap(int virtualAddress) {
            frames.remove(virtualAddress & -PAGE);
            rights.remove(virtualAddress & -PAGE);
        }

        @Override
        public long translate(int virtualAddress) {
            Long frame = frames.get(virtualAddress & -PAGE);
            return frame == null ? -1 : frame | (virtualAddress & (PAGE - 1));
        }

        @Override
        public Access rights(int virtualAddress) {
            return rights.getOrDefault(virtualAddress & -PAGE, Access.NONE);
        }

        @Override
        public void destroy() {
        }
    }

    private int[] read(int address) throws BadUserAddressException {
        int[] words = new int[4];
        user.readWords(space, address, words);
        return words;
    }

    @Test
    void aBlockThatRunsIntoTheNextPageReadsThatPagesFrameWhereverItLies() throws BadUserAddressException {
        space.map(BLOCK & -PAGE, 5L * PAGE, Access.READ);
        space.map(BLOCK + 8, 2L * PAGE, Access.READ_WRITE);
        memory.writeWord(5L * PAGE + PAGE - 8, 11);
        memory.writeWord(5L * PAGE + PAGE - 4, 22);
        memory.writeWord(2L * PAGE, 33);
        memory.writeWord(2L * PAGE + 4, 44);
        memory.writeWord(6L * PAGE, 99);
        assertArrayEquals(new int[] {11, 22, 33, 44}, read(BLOCK));
    }

    @Test
    void aBlockFailsWhenThePageItRunsIntoIsNotReadable() {
        space.map(BLOCK & -PAGE, 5L * PAGE, Access.READ);
        assertThrows(BadUserAddressException.class, () -> read(BLOCK), "unmapped");
        space.map(BLOCK + 8, 2L * PAGE, Access.WRITE);
        assertThrows(BadUserAddressException.class, () -> read(BLOCK), "mapped without read");
    }

    @Test
    void aBlockFailsUnalignedOrReachingKernelSpace() {
        space.map(BLOCK & -PAGE, 5L * PAGE, Access.READ);
        space.map(BLOCK + 8, 2L * PAGE, Access.READ);
        assertThrows(BadUserAddressException.class, () -> read(BLOCK + 2));
        space.map(0xBFFFF000, 3L * PAGE, Access.READ);
        assertThrows(BadUserAddressException.class, () -> read(0xBFFFFFF8));
    }
}
