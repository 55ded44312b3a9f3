package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArmAddressSpaceTest {
    /** Reads the word at r0 into r1, traps, and loops. */
    private static final int[] READ_LOOP = {Arm.LDR_R1_R0, Arm.SVC_0, Arm.branch(-2)};

    private final GuestMachine guest = new GuestMachine();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void spacesMappingTheSameAddressToDifferentFramesAreIsolated() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        long code = guest.arm(a, GuestMachine.CODE, READ_LOOP);
        b.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
        guest.memory.writeWord(guest.data(a, GuestMachine.DATA, Access.READ), 0xAAAA);
        guest.memory.writeWord(guest.data(b, GuestMachine.DATA, Access.READ), 0xBBBB);
        ArmCpuContext inA = guest.context(GuestMachine.CODE);
        ArmCpuContext inB = guest.context(GuestMachine.CODE);
        inA.setRegister(0, GuestMachine.DATA);
        inB.setRegister(0, GuestMachine.DATA);

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
        long code = guest.arm(a, GuestMachine.CODE, READ_LOOP);
        b.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
        guest.data(a, GuestMachine.DATA, Access.READ);
        ArmCpuContext inA = guest.context(GuestMachine.CODE);
        ArmCpuContext inB = guest.context(GuestMachine.CODE);
        inA.setRegister(0, GuestMachine.DATA);
        inB.setRegister(0, GuestMachine.DATA);

        assertEquals(Trap.SYSCALL, guest.run(inA, a));
        assertEquals(new Trap.PageFault(GuestMachine.DATA, Access.READ, GuestMachine.CODE), guest.run(inB, b));
    }

    @Test
    void unmapAndRemapInTheRunningSpaceTakeEffectDespiteCachedTranslations() {
        AddressSpace space = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, READ_LOOP);
        long first = guest.data(space, GuestMachine.DATA, Access.READ);
        guest.memory.writeWord(first, 1);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        thread.setRegister(0, GuestMachine.DATA);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(1, thread.argument(1));

        space.unmap(GuestMachine.DATA);
        assertEquals(new Trap.PageFault(GuestMachine.DATA, Access.READ, GuestMachine.CODE), guest.run(thread, space));

        long second = guest.data(space, GuestMachine.DATA, Access.READ);
        guest.memory.writeWord(second, 2);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(1));

        long third = guest.frame();
        guest.memory.writeWord(third, 3);
        space.map(GuestMachine.DATA, third, Access.READ);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(3, thread.argument(1));
    }

    @Test
    void reducingRightsOfACachedPageTakesEffect() {
        AddressSpace space = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, Arm.STR_R1_R0, Arm.SVC_0, Arm.branch(-2));
        long frame = guest.data(space, GuestMachine.DATA, Access.READ_WRITE);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        thread.setRegister(0, GuestMachine.DATA);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));

        space.map(GuestMachine.DATA, frame, Access.READ);
        assertEquals(new Trap.PageFault(GuestMachine.DATA, Access.WRITE, GuestMachine.CODE), guest.run(thread, space));
    }

    @Test
    void freedCodeFrameReusedForNewCodeRunsTheNewCode() {
        AddressSpace space = guest.newSpace();
        long frame = guest.arm(space, GuestMachine.CODE, Arm.MOV_R0_1, Arm.SVC_0);
        ArmCpuContext first = guest.context(GuestMachine.CODE);
        assertEquals(Trap.SYSCALL, guest.run(first, space));
        assertEquals(1, first.argument(0));

        space.unmap(GuestMachine.CODE);
        guest.memory.freeFrames(frame, 1);
        long reused = guest.arm(space, GuestMachine.CODE, Arm.MOV_R0_2, Arm.SVC_0);
        assertEquals(frame, reused);
        ArmCpuContext second = guest.context(GuestMachine.CODE);
        assertEquals(Trap.SYSCALL, guest.run(second, space));
        assertEquals(2, second.argument(0));
    }

    @Test
    void translateAndRightsReportTheMapping() {
        AddressSpace space = guest.newSpace();
        long frame = guest.frame();
        space.map(0x0040_0000, frame, Access.READ_EXECUTE);

        assertEquals(frame + 0x123, space.translate(0x0040_0123));
        assertEquals(Access.READ_EXECUTE, space.rights(0x0040_0FFF));
        assertEquals(-1, space.translate(0x0040_1000));
        assertEquals(Access.NONE, space.rights(0x0040_1000));

        space.map(0x0040_0000, frame, Access.WRITE);
        assertEquals(Access.WRITE, space.rights(0x0040_0000), "the rights asked for, not the hardware's superset");

        space.unmap(0x0040_0000);
        assertEquals(-1, space.translate(0x0040_0000));
        space.unmap(0x0040_0000);
    }

    @Test
    void destroyReturnsEveryTableFrame() {
        long before = guest.memory.allocatedFrames();
        AddressSpace space = guest.newSpace();
        long frame = guest.frame();
        for (long address = 0x1000; address < ArmAddressSpace.USER_LIMIT; address += 0x0100_0000) {
            space.map((int) address, frame, Access.READ);
        }
        space.destroy();
        guest.memory.freeFrames(frame, 1);

        assertEquals(before, guest.memory.allocatedFrames());
        assertThrows(IllegalStateException.class, () -> space.translate(0x1000));
        assertThrows(IllegalArgumentException.class, () -> guest.run(guest.context(GuestMachine.CODE), space));
    }

    @Test
    void mapRejectsUnalignedAddressesAndFrames() {
        AddressSpace space = guest.newSpace();
        assertThrows(IllegalArgumentException.class, () -> space.map(0x1001, guest.frame(), Access.READ));
        assertThrows(IllegalArgumentException.class, () -> space.map(0x1000, 0x1234, Access.READ));
    }
}
