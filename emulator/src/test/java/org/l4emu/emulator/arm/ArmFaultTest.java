package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArmFaultTest {
    private final GuestMachine guest = new GuestMachine();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void thumbInstructionStraddlingIntoAnUnmappedPageFaultsOnThatPage() {
        guest.thumb(space, GuestMachine.CODE, 0xFFC, Thumb.NOP, Thumb.STR_W_R1_R0_8_FIRST);
        long data = guest.data(space, GuestMachine.DATA, Access.READ_WRITE);
        ArmCpuContext thread = guest.context(GuestMachine.CODE + 0xFFC | 1);
        thread.setRegister(0, GuestMachine.DATA);
        thread.setRegister(1, 77);

        assertEquals(new Trap.PageFault(GuestMachine.CODE + 0x1000, Access.EXECUTE, GuestMachine.CODE + 0xFFE | 1),
                guest.run(thread, space));
        assertEquals(1, guest.machine.instructionsRetired(), "the nop ran, the straddling store did not");

        guest.thumb(space, GuestMachine.CODE + 0x1000, 0, Thumb.STR_W_R1_R0_8_SECOND, Thumb.SVC_0);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(77, guest.memory.readWord(data + 8));
        assertEquals(3, guest.machine.instructionsRetired());
    }

    @Test
    void faultInsideAThumbIfThenBlockResumesWithTheBlockState() {
        guest.thumb(space, GuestMachine.CODE, 0, Thumb.CMP_R0_0, Thumb.ITE_EQ, Thumb.LDR_R1_R2, Thumb.LDR_R1_R3,
                Thumb.SVC_0);
        long taken = guest.data(space, GuestMachine.DATA, Access.READ);
        guest.memory.writeWord(taken, 0x1111);
        ArmCpuContext thread = guest.context(GuestMachine.CODE | 1);
        thread.setRegister(0, 1);
        thread.setRegister(2, GuestMachine.DATA);
        thread.setRegister(3, 0x0003_0000);

        assertEquals(new Trap.PageFault(0x0003_0000, Access.READ, GuestMachine.CODE + 6 | 1), guest.run(thread, space));

        long other = guest.data(space, 0x0003_0000, Access.READ);
        guest.memory.writeWord(other, 0x2222);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(0x2222, thread.argument(1), "only the 'ne' load ran");
    }

    @Test
    void privilegedCoprocessorWriteIsAnUndefinedInstruction() {
        guest.arm(space, GuestMachine.CODE, Arm.MCR_SCTLR_R0, Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);

        assertEquals(new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, GuestMachine.CODE, GuestMachine.CODE),
                guest.run(thread, space));
    }

    @Test
    void thumbUndefinedInstructionTrapsAtIt() {
        guest.thumb(space, GuestMachine.CODE, 0, Thumb.NOP, Thumb.UDF_3);
        ArmCpuContext thread = guest.context(GuestMachine.CODE | 1);

        assertEquals(new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, GuestMachine.CODE + 2 | 1,
                GuestMachine.CODE + 2 | 1), guest.run(thread, space));
    }

    @Test
    void hintsNeitherTrapNorAreMistakenForUndefinedInstructions() {
        guest.arm(space, GuestMachine.CODE, Arm.UDF_0);
        guest.arm(space, GuestMachine.CODE + 0x1000, Arm.YIELD, Arm.WFI, Arm.WFE, Arm.NOP, Arm.SVC_0);
        ArmCpuContext undefined = guest.context(GuestMachine.CODE);
        ArmCpuContext hints = guest.context(GuestMachine.CODE + 0x1000);

        assertEquals(Trap.Kind.UNDEFINED_INSTRUCTION, ((Trap.CpuException) guest.run(undefined, space)).kind());
        assertEquals(Trap.SYSCALL, guest.run(hints, space));
        assertEquals(GuestMachine.CODE + 0x1014, hints.instructionPointer());
        assertEquals(5, guest.machine.instructionsRetired());
    }

    @Test
    void unalignedExclusiveLoadIsAnAlignmentFault() {
        guest.arm(space, GuestMachine.CODE, Arm.LDREX_R1_R0);
        guest.data(space, GuestMachine.DATA, Access.READ_WRITE);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        thread.setRegister(0, GuestMachine.DATA + 1);

        assertEquals(new Trap.CpuException(Trap.Kind.ALIGNMENT, GuestMachine.DATA + 1, GuestMachine.CODE),
                guest.run(thread, space));
        assertEquals(0, guest.machine.instructionsRetired());
    }
}
