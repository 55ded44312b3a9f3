package org.l4emu.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;

/** Address spaces: isolation, sharing, and mapping changes taking effect despite whatever the CPU caches. */
@ParameterizedClass(name = "{0}")
@EnumSource(IsaFixture.class)
class AddressSpaceContractTest extends ContractTest {

    AddressSpaceContractTest(IsaFixture isa) {
        super(isa);
    }

    @Test
    void spacesMappingTheSameAddressToDifferentFramesAreIsolated() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        long code = guest.code(a, Guest.CODE, Programs.readLoop(isa));
        b.map(Guest.CODE, code, Access.READ_EXECUTE);
        guest.memory.writeWord(guest.data(a, Guest.DATA, Access.READ), 0xAAAA);
        guest.memory.writeWord(guest.data(b, Guest.DATA, Access.READ), 0xBBBB);
        CpuContext inA = guest.thread(Guest.CODE, Guest.DATA);
        CpuContext inB = guest.thread(Guest.CODE, Guest.DATA);

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
        long code = guest.code(a, Guest.CODE, Programs.readLoop(isa));
        b.map(Guest.CODE, code, Access.READ_EXECUTE);
        guest.data(a, Guest.DATA, Access.READ);

        assertEquals(Trap.SYSCALL, guest.run(guest.thread(Guest.CODE, Guest.DATA), a));
        assertEquals(new Trap.PageFault(Guest.DATA, Access.READ, Guest.CODE), guest.run(guest.thread(Guest.CODE, Guest.DATA), b));
    }

    @Test
    void aSharedFrameIsOneMemoryInEverySpace() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        guest.code(a, Guest.CODE, isa.assembler().store(1, 0, 0).syscall().program());
        guest.code(b, Guest.CODE, isa.assembler().load(1, 0).syscall().program());
        long shared = guest.data(a, Guest.DATA, Access.READ_WRITE);
        b.map(0x0050_0000, shared, Access.READ);
        CpuContext writer = guest.thread(Guest.CODE, Guest.DATA);
        isa.setArgument(writer, 1, 0x5EED);

        assertEquals(Trap.SYSCALL, guest.run(writer, a));
        CpuContext inB = guest.thread(Guest.CODE, 0x0050_0000);
        assertEquals(Trap.SYSCALL, guest.run(inB, b));
        assertEquals(0x5EED, inB.argument(1));
    }

    @Test
    void unmapAndRemapInTheRunningSpaceTakeEffectDespiteCachedTranslations() {
        AddressSpace space = guest.newSpace();
        guest.code(space, Guest.CODE, Programs.readLoop(isa));
        long first = guest.data(space, Guest.DATA, Access.READ);
        guest.memory.writeWord(first, 1);
        CpuContext thread = guest.thread(Guest.CODE, Guest.DATA);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(1, thread.argument(1));

        space.unmap(Guest.DATA);
        assertEquals(new Trap.PageFault(Guest.DATA, Access.READ, Guest.CODE), guest.run(thread, space));

        long second = guest.data(space, Guest.DATA, Access.READ);
        guest.memory.writeWord(second, 2);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(1));

        long third = guest.frame();
        guest.memory.writeWord(third, 3);
        space.map(Guest.DATA, third, Access.READ);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(3, thread.argument(1));
    }

    @Test
    void reducingRightsOfAPageInUseTakesEffect() {
        AddressSpace space = guest.newSpace();
        guest.code(space, Guest.CODE, isa.assembler().store(1, 0, 0).syscall().jump(0).program());
        long frame = guest.data(space, Guest.DATA, Access.READ_WRITE);
        CpuContext thread = guest.thread(Guest.CODE, Guest.DATA);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        space.map(Guest.DATA, frame, Access.READ);
        assertEquals(new Trap.PageFault(Guest.DATA, Access.WRITE, Guest.CODE), guest.run(thread, space));
    }

    @Test
    void aFreedCodeFrameReusedForNewCodeRunsTheNewCode() {
        AddressSpace space = guest.newSpace();
        long frame = guest.code(space, Guest.CODE, isa.assembler().move(0, 1).syscall().program());
        CpuContext thread = guest.context(Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(1, thread.argument(0));

        space.unmap(Guest.CODE);
        guest.memory.freeFrames(frame, 1);
        long reused = guest.code(space, Guest.CODE, isa.assembler().move(0, 2).syscall().program());
        assertEquals(frame, reused);
        thread.setInstructionPointer(Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(0));
    }

    @Test
    void codeRewrittenInPlaceRunsAfterFlushCodeCache() {
        AddressSpace space = guest.newSpace();
        long frame = guest.code(space, Guest.CODE, isa.assembler().move(0, 1).syscall().program());
        CpuContext thread = guest.context(Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(1, thread.argument(0));

        byte[] code = isa.assembler().move(0, 2).syscall().program().code();
        guest.memory.write(frame, code, 0, code.length);
        guest.machine.flushCodeCache();
        thread.setInstructionPointer(Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(0));
    }

    @Test
    void aMappingWithoutRightsRefusesEveryAccess() {
        AddressSpace space = guest.newSpace();
        guest.code(space, Guest.CODE, Programs.readLoop(isa));
        guest.data(space, Guest.DATA, Access.NONE);

        assertEquals(new Trap.PageFault(Guest.DATA, Access.READ, Guest.CODE), guest.run(guest.thread(Guest.CODE, Guest.DATA), space));
    }

    @Test
    void translateAndRightsReportTheMapping() {
        AddressSpace space = guest.newSpace();
        long frame = guest.data(space, Guest.DATA, Access.READ_EXECUTE);

        assertEquals(frame + 0x123, space.translate(Guest.DATA + 0x123));
        assertEquals(Access.READ_EXECUTE, space.rights(Guest.DATA + 0xFFF));
        assertEquals(-1, space.translate(Guest.DATA + 0x1000));
        assertEquals(Access.NONE, space.rights(Guest.DATA + 0x1000));
        assertEquals(Access.NONE, space.rights(0xC000_0000));
        assertEquals(-1, space.translate(0xFFFF_0000));

        space.map(Guest.DATA, frame, Access.WRITE);
        assertEquals(Access.WRITE, space.rights(Guest.DATA), "the rights asked for, not the hardware's superset");

        space.unmap(Guest.DATA);
        assertEquals(-1, space.translate(Guest.DATA));
        space.unmap(Guest.DATA);
    }

    @Test
    void mapRejectsUnalignedAndKernelAddressesAndBadFrames() {
        AddressSpace space = guest.newSpace();
        assertThrows(IllegalArgumentException.class, () -> space.map(Guest.DATA + 4, guest.frame(), Access.READ));
        assertThrows(IllegalArgumentException.class, () -> space.map(0xC000_0000, guest.frame(), Access.READ));
        assertThrows(IllegalArgumentException.class, () -> space.map(Guest.DATA, 0x123, Access.READ));
        assertThrows(IllegalArgumentException.class, () -> space.map(Guest.DATA, 1L << 40, Access.READ));
    }

    @Test
    void aDestroyedSpaceCannotRunOrMap() {
        AddressSpace space = guest.newSpace();
        space.destroy();
        space.destroy();
        assertThrows(IllegalStateException.class, () -> space.map(Guest.DATA, guest.frame(), Access.READ));
        assertThrows(IllegalStateException.class, () -> space.translate(Guest.DATA));
        assertThrows(IllegalArgumentException.class, () -> guest.run(guest.context(Guest.CODE), space));
    }
}
