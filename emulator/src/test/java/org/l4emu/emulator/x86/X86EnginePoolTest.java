package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

class X86EnginePoolTest {
    private final X86Guest guest = X86Guest.pooled();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void spacesThatNeverRunCostTheirDirectoryFramesButNoEngine() {
        long before = guest.memory.allocatedFrames();
        List<AddressSpace> spaces = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            spaces.add(guest.newSpace());
        }
        assertEquals(before + 1000L * PooledAddressSpace.DIRECTORY_FRAMES, guest.memory.allocatedFrames());
        assertEquals(1, guest.pooledMachine().openEngines());
        spaces.forEach(AddressSpace::destroy);
        assertEquals(before, guest.memory.allocatedFrames());
    }

    @Test
    void moreRunningSpacesThanEnginesStayIsolatedAndCorrect() {
        int count = EnginePool.MAX_ENGINES + 6;
        List<AddressSpace> spaces = new ArrayList<>();
        List<X86CpuContext> threads = new ArrayList<>();
        long code = guest.frame();
        byte[] readLoop = X86.concat(X86.LOAD_ECX_FROM_EBX, X86.INC_EDX, X86.INT_80, X86.jmpShort(-7));
        guest.memory.write(code, readLoop, 0, readLoop.length);
        for (int i = 0; i < count; i++) {
            AddressSpace space = guest.newSpace();
            space.map(X86Guest.CODE, code, Access.READ_EXECUTE);
            guest.memory.writeWord(guest.data(space, X86Guest.DATA, Access.READ), 1000 + i);
            X86CpuContext thread = guest.context(X86Guest.CODE);
            thread.setRegister(X86CpuContext.EBX, X86Guest.DATA);
            spaces.add(space);
            threads.add(thread);
        }

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < count; i++) {
                assertEquals(Trap.SYSCALL, guest.run(threads.get(i), spaces.get(i)));
                assertEquals(1000 + i, threads.get(i).argument(1), "memory of space " + i + " in round " + round);
                assertEquals(round + 1, threads.get(i).argument(2), "registers of space " + i + "'s thread");
            }
        }
        assertEquals(EnginePool.MAX_ENGINES, guest.pooledMachine().openEngines());
    }

    @Test
    void aDestroyedSpacesEngineServesTheNextWithNothingOfItsPages() {
        AddressSpace first = guest.newSpace();
        guest.code(first, X86Guest.CODE, X86.LOAD_ECX_FROM_EBX, X86.INT_80);
        guest.data(first, X86Guest.DATA, Access.READ);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        thread.setRegister(X86CpuContext.EBX, X86Guest.DATA);
        assertEquals(Trap.SYSCALL, guest.run(thread, first));
        first.destroy();

        AddressSpace second = guest.newSpace();
        guest.code(second, X86Guest.CODE, X86.LOAD_ECX_FROM_EBX, X86.INT_80);
        X86CpuContext other = guest.context(X86Guest.CODE);
        other.setRegister(X86CpuContext.EBX, X86Guest.DATA);
        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.READ, X86Guest.CODE), guest.run(other, second));
        assertEquals(1, guest.pooledMachine().openEngines());
    }
}
