package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.spacetlb.SpaceTlbs;

/**
 * Spaces that keep a TLB of their own ({@link SpaceTlbs}): whatever a space finds when it
 * enters again must be what its page tables say now, and code must be its own, with more
 * spaces than two TLBs hold and more than the tables kept aside.
 */
class ArmSpaceTlbsTest {
    private static final int LDR_R1_R2 = 0xE5921000; // ldr r1, [r2]
    /** Reads the word at r2 into r1 and puts its number into r0, traps, and starts again. */
    private static final int[] LOOP_TAIL = {LDR_R1_R2, Arm.SVC_0, Arm.branch(-4)};

    private GuestMachine guest;
    private OwnTlbs ownTlbs;

    @BeforeEach
    void open() {
        guest = new GuestMachine();
        OwnTlbs.assumeActive();
        ownTlbs = new OwnTlbs(guest);
    }

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void moreSpacesThanTablesKeptEachRunTheirOwnCodeOnTheirOwnData() {
        int count = SpaceTlbs.KEPT + 8;
        List<AddressSpace> spaces = new ArrayList<>();
        List<ArmCpuContext> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AddressSpace space = guest.newSpace();
            guest.arm(space, GuestMachine.CODE, Arm.movR0(i), LOOP_TAIL[0], LOOP_TAIL[1], LOOP_TAIL[2]);
            guest.memory.writeWord(guest.data(space, GuestMachine.DATA, Access.READ), 0x5000 + i);
            spaces.add(space);
            threads.add(reader());
        }
        for (int round = 0; round < 3; round++) {
            for (int step = 0; step < count * 2; step++) {
                int i = (step * (round + 7) + step / 3) % count;
                assertEquals(Trap.SYSCALL, guest.run(threads.get(i), spaces.get(i)));
                assertEquals(i, threads.get(i).argument(0), "code of space " + i);
                assertEquals(0x5000 + i, threads.get(i).argument(1), "data of space " + i);
                threads.get(i).setInstructionPointer(GuestMachine.CODE);
            }
        }
    }

    @Test
    void aPageUnmappedOrMovedWhileItsSpaceWasOutIsGoneOrMovedWhenItReturns() {
        AddressSpace a = guest.newSpace();
        guest.arm(a, GuestMachine.CODE, Arm.movR0(1), LOOP_TAIL[0], LOOP_TAIL[1], LOOP_TAIL[2]);
        guest.memory.writeWord(guest.data(a, GuestMachine.DATA, Access.READ), 0xAAAA);
        ArmCpuContext inA = reader();
        assertEquals(Trap.SYSCALL, guest.run(inA, a));
        assertEquals(0xAAAA, inA.argument(1));

        ownTlbs.pushOut();
        long moved = guest.frame();
        guest.memory.writeWord(moved, 0xBBBB);
        a.map(GuestMachine.DATA, moved, Access.READ);
        inA.setInstructionPointer(GuestMachine.CODE);
        assertEquals(Trap.SYSCALL, guest.run(inA, a));
        assertEquals(0xBBBB, inA.argument(1), "the page moved while its space was out");

        ownTlbs.pushOut();
        a.unmap(GuestMachine.DATA);
        inA.setInstructionPointer(GuestMachine.CODE);
        assertEquals(new Trap.PageFault(GuestMachine.DATA, Access.READ, GuestMachine.CODE + 4), guest.run(inA, a));
    }

    @Test
    void codeStoredThroughAnotherSpaceRunsWhenItsSpaceReturns() {
        AddressSpace runner = guest.newSpace();
        long shared = guest.arm(runner, GuestMachine.CODE, Arm.movR0(1), Arm.SVC_0);
        AddressSpace writer = guest.newSpace();
        guest.arm(writer, GuestMachine.CODE, Arm.STR_R1_R0_4, Arm.SVC_0);
        writer.map(GuestMachine.DATA, shared, Access.READ_WRITE);

        for (int value = 2; value < 6; value++) {
            ArmCpuContext inRunner = guest.context(GuestMachine.CODE);
            assertEquals(Trap.SYSCALL, guest.run(inRunner, runner));
            assertEquals(value - 1, inRunner.argument(0));
            ownTlbs.pushOut();
            ArmCpuContext inWriter = guest.context(GuestMachine.CODE);
            inWriter.setRegister(0, GuestMachine.DATA - 4);
            inWriter.setRegister(1, Arm.movR0(value));
            assertEquals(Trap.SYSCALL, guest.run(inWriter, writer));
            ownTlbs.pushOut();
        }
    }

    @Test
    void aDataFrameThatBecomesCodeLaterRunsAsWritten() {
        AddressSpace writer = guest.newSpace();
        guest.arm(writer, GuestMachine.CODE, Arm.STR_R1_R0_4, Arm.SVC_0);
        long frame = guest.data(writer, GuestMachine.DATA, Access.READ_WRITE);
        ArmCpuContext inWriter = guest.context(GuestMachine.CODE);
        inWriter.setRegister(0, GuestMachine.DATA - 4);
        inWriter.setRegister(1, 0x1234);
        assertEquals(Trap.SYSCALL, guest.run(inWriter, writer));
        ownTlbs.pushOut();

        AddressSpace runner = guest.newSpace();
        guest.memory.writeWord(frame + 4, Arm.SVC_0);
        runner.map(GuestMachine.CODE, frame, Access.READ_EXECUTE);
        for (int value = 1; value < 5; value++) {
            inWriter = guest.context(GuestMachine.CODE);
            inWriter.setRegister(0, GuestMachine.DATA - 4);
            inWriter.setRegister(1, Arm.movR0(value));
            assertEquals(Trap.SYSCALL, guest.run(inWriter, writer));
            ownTlbs.pushOut();
            ArmCpuContext inRunner = guest.context(GuestMachine.CODE);
            assertEquals(Trap.SYSCALL, guest.run(inRunner, runner));
            assertEquals(value, inRunner.argument(0), "the code stored last");
            ownTlbs.pushOut();
        }
    }

    /** A thread that runs the loop from the start with r2 at the data page. */
    private ArmCpuContext reader() {
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        thread.setRegister(2, GuestMachine.DATA);
        return thread;
    }
}
