package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.Trap;

class X86RegionMapTest {
    private static final int PAGES = 8;
    private static final int BASE = 0x0040_0000;

    private final X86Guest guest = X86Guest.pooled();
    private final PooledAddressSpace space = (PooledAddressSpace) guest.newSpace();
    private final X86CpuContext reader = guest.context(X86Guest.CODE);
    private final long frames;

    X86RegionMapTest() throws OutOfPhysicalMemoryException {
        guest.code(space, X86Guest.CODE, X86.LOAD_ECX_FROM_EBX, X86.INT_80, X86.jmpShort(-6));
        frames = guest.memory.allocateFrames(PAGES, 4096);
        for (int i = 0; i < PAGES; i++) {
            guest.memory.writeWord(frames + i * 4096L, 100 + i);
        }
        reader.setRegister(X86CpuContext.EBX, X86Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(reader, space), "the space has its engine");
    }

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void pagesAdjacentInBothMemoriesShareOneRegion() {
        mapAll(Access.READ_WRITE);
        assertEquals(2, space.regionCount(), "the code page and the run");
        for (int i = 0; i < PAGES; i++) {
            assertEquals(100 + i, read(BASE + i * 4096));
        }
    }

    @Test
    void pagesOfScatteredFramesOrRightsAreRegionsOfTheirOwn() {
        space.map(BASE, frames + 4096, Access.READ);
        space.map(BASE + 4096, frames, Access.READ);
        space.map(BASE + 2 * 4096, frames + 2 * 4096, Access.READ_WRITE);
        assertEquals(4, space.regionCount());
        assertEquals(101, read(BASE));
        assertEquals(100, read(BASE + 4096));
    }

    @Test
    void unmappingAPageInARunSplitsItAndOnlyThatPageFaults() {
        mapAll(Access.READ);
        space.unmap(BASE + 3 * 4096);
        assertEquals(3, space.regionCount());
        assertEquals(102, read(BASE + 2 * 4096));
        assertEquals(104, read(BASE + 4 * 4096));
        reader.setRegister(X86CpuContext.EBX, BASE + 3 * 4096);
        assertEquals(new Trap.PageFault(BASE + 3 * 4096, Access.READ, X86Guest.CODE), guest.run(reader, space));
    }

    @Test
    void changingOnePagesRightsSplitsTheRunAroundIt() {
        mapAll(Access.READ);
        space.map(BASE + 5 * 4096, frames + 5 * 4096, Access.NONE);
        assertEquals(4, space.regionCount());
        assertEquals(104, read(BASE + 4 * 4096));
        assertEquals(106, read(BASE + 6 * 4096));
        reader.setRegister(X86CpuContext.EBX, BASE + 5 * 4096);
        assertEquals(new Trap.PageFault(BASE + 5 * 4096, Access.READ, X86Guest.CODE), guest.run(reader, space));
    }

    @Test
    void codeStaysRightWhileItsRegionGrowsAndSplits() {
        long next = guest.code(space, X86Guest.CODE + 0x1000, X86.movEbx(7), X86.INT_80);
        X86CpuContext runner = guest.context(X86Guest.CODE + 0x1000);
        assertEquals(Trap.SYSCALL, guest.run(runner, space));
        byte[] changed = X86.concat(X86.movEbx(8), X86.INT_80);
        guest.memory.write(next, changed, 0, changed.length);
        space.unmap(X86Guest.CODE + 0x1000);
        space.map(X86Guest.CODE + 0x1000, next, Access.READ_EXECUTE);
        runner.setInstructionPointer(X86Guest.CODE + 0x1000);
        assertEquals(Trap.SYSCALL, guest.run(runner, space));
        assertEquals(8, runner.argument(0));
    }

    @Test
    void anEngineTakenBackAndGivenAgainGetsTheRunsBack() {
        mapAll(Access.READ);
        space.releaseEngine();
        assertEquals(0, space.regionCount());
        assertEquals(107, read(BASE + 7 * 4096));
        assertEquals(2, space.regionCount());
    }

    private void mapAll(Access rights) {
        for (int i = 0; i < PAGES; i++) {
            space.map(BASE + i * 4096, frames + i * 4096L, rights);
        }
    }

    private int read(int address) {
        reader.setRegister(X86CpuContext.EBX, address);
        assertEquals(Trap.SYSCALL, guest.run(reader, space));
        return reader.argument(1);
    }
}
