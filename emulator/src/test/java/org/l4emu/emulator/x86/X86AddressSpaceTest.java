package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

class X86AddressSpaceTest {
    /** ecx = [ebx]; int $0x80; and again. */
    private static final byte[][] READ_LOOP = {X86.LOAD_ECX_FROM_EBX, X86.INT_80, X86.jmpShort(-6)};

    private final X86Guest guest = new X86Guest();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void spacesMappingTheSameAddressToDifferentFramesAreIsolated() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        long code = guest.code(a, X86Guest.CODE, READ_LOOP);
        b.map(X86Guest.CODE, code, Access.READ_EXECUTE);
        guest.memory.writeWord(guest.data(a, X86Guest.DATA, Access.READ), 0xAAAA);
        guest.memory.writeWord(guest.data(b, X86Guest.DATA, Access.READ), 0xBBBB);
        X86CpuContext inA = reader(X86Guest.DATA);
        X86CpuContext inB = reader(X86Guest.DATA);

        for (int i = 0; i < 4; i++) {
            assertEquals(Trap.SYSCALL, guest.run(inA, a));
            assertEquals(0xAAAA, inA.argument(1));
            assertEquals(Trap.SYSCALL, guest.run(inB, b));
            assertEquals(0xBBBB, inB.argument(1));
        }
    }

    @Test
    void pageMappedOnlyInAnotherSpaceStaysInvisible() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        long code = guest.code(a, X86Guest.CODE, READ_LOOP);
        b.map(X86Guest.CODE, code, Access.READ_EXECUTE);
        guest.data(a, X86Guest.DATA, Access.READ);

        assertEquals(Trap.SYSCALL, guest.run(reader(X86Guest.DATA), a));
        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.READ, X86Guest.CODE), guest.run(reader(X86Guest.DATA), b));
    }

    @Test
    void aSharedFrameIsOneMemoryInEverySpace() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        guest.code(a, X86Guest.CODE, X86.STORE_ECX_TO_EBX, X86.INT_80);
        guest.code(b, X86Guest.CODE, X86.LOAD_ECX_FROM_EBX, X86.INT_80);
        long shared = guest.data(a, X86Guest.DATA, Access.READ_WRITE);
        b.map(0x0050_0000, shared, Access.READ);
        X86CpuContext writer = reader(X86Guest.DATA);
        writer.setRegister(X86CpuContext.ECX, 0x5EED);

        assertEquals(Trap.SYSCALL, guest.run(writer, a));
        X86CpuContext inB = reader(0x0050_0000);
        assertEquals(Trap.SYSCALL, guest.run(inB, b));
        assertEquals(0x5EED, inB.argument(1));
    }

    @Test
    void unmapAndRemapInTheRunningSpaceTakeEffect() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, READ_LOOP);
        long first = guest.data(space, X86Guest.DATA, Access.READ);
        long second = guest.frame();
        guest.memory.writeWord(first, 1);
        guest.memory.writeWord(second, 2);
        X86CpuContext thread = reader(X86Guest.DATA);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(1, thread.argument(1));
        space.unmap(X86Guest.DATA);
        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.READ, X86Guest.CODE), guest.run(thread, space));
        space.map(X86Guest.DATA, second, Access.READ);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(1));
    }

    @Test
    void reducingRightsOfAPageInUseTakesEffect() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, X86.STORE_ECX_TO_EBX, X86.INT_80, X86.jmpShort(-6));
        long frame = guest.data(space, X86Guest.DATA, Access.READ_WRITE);
        X86CpuContext thread = reader(X86Guest.DATA);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        space.map(X86Guest.DATA, frame, Access.READ);
        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.WRITE, X86Guest.CODE), guest.run(thread, space));
    }

    @Test
    void newCodeMappedWhereOldCodeRanRunsTheNewCode() {
        AddressSpace space = guest.newSpace();
        long old = guest.code(space, X86Guest.CODE, X86.movEbx(1), X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(1, thread.argument(0));

        space.unmap(X86Guest.CODE);
        guest.memory.freeFrames(old, 1);
        guest.code(space, X86Guest.CODE, X86.movEbx(2), X86.INT_80);
        thread.setInstructionPointer(X86Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(0));
    }

    @Test
    void codeRewrittenInPlaceRunsAfterFlushCodeCache() {
        AddressSpace space = guest.newSpace();
        long frame = guest.code(space, X86Guest.CODE, X86.movEbx(1), X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));

        byte[] code = X86.concat(X86.movEbx(2), X86.INT_80);
        guest.memory.write(frame, code, 0, code.length);
        guest.machine.flushCodeCache();
        thread.setInstructionPointer(X86Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(0));
    }

    @Test
    void aMappingWithoutRightsRefusesEveryAccess() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, READ_LOOP);
        guest.data(space, X86Guest.DATA, Access.NONE);

        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.READ, X86Guest.CODE), guest.run(reader(X86Guest.DATA), space));
    }

    @Test
    void translateAndRightsReportTheMapping() {
        AddressSpace space = guest.newSpace();
        long frame = guest.data(space, X86Guest.DATA, Access.READ_EXECUTE);

        assertEquals(frame + 0x123, space.translate(X86Guest.DATA + 0x123));
        assertEquals(Access.READ_EXECUTE, space.rights(X86Guest.DATA + 0xFFF));
        assertEquals(-1, space.translate(X86Guest.DATA + 0x1000));
        assertEquals(Access.NONE, space.rights(0xC000_0000));
        space.unmap(X86Guest.DATA);
        assertEquals(-1, space.translate(X86Guest.DATA));
    }

    @Test
    void mapRejectsUnalignedAndKernelAddressesAndBadFrames() {
        AddressSpace space = guest.newSpace();
        assertThrows(IllegalArgumentException.class, () -> space.map(X86Guest.DATA + 4, guest.frame(), Access.READ));
        assertThrows(IllegalArgumentException.class, () -> space.map(0xC000_0000, guest.frame(), Access.READ));
        assertThrows(IllegalArgumentException.class, () -> space.map(X86Guest.DATA, 0x123, Access.READ));
        assertThrows(IllegalArgumentException.class, () -> space.map(X86Guest.DATA, 1L << 40, Access.READ));
    }

    @Test
    void aDestroyedSpaceCannotRunOrMap() {
        AddressSpace space = guest.newSpace();
        space.destroy();
        space.destroy();
        assertThrows(IllegalStateException.class, () -> space.map(X86Guest.DATA, guest.frame(), Access.READ));
        assertThrows(IllegalArgumentException.class, () -> guest.run(guest.context(X86Guest.CODE), space));
    }

    private X86CpuContext reader(int address) {
        X86CpuContext thread = guest.context(X86Guest.CODE);
        thread.setRegister(X86CpuContext.EBX, address);
        return thread;
    }
}
