package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArmSyscallTest {
    private final GuestMachine guest = new GuestMachine();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void armSyscallPassesArgumentsAndResumesAfterTheSvcWithResults() {
        guest.arm(space, GuestMachine.CODE, Arm.MOV_R0_11, Arm.MOV_R1_22, Arm.MOV_R7_5, Arm.SVC_0, Arm.ADD_R0_R0_R1,
                Arm.MOV_R7_6, Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(5, thread.syscallNumber());
        assertEquals(11, thread.argument(0));
        assertEquals(22, thread.argument(1));
        assertEquals(0, thread.argument(2));
        assertEquals(GuestMachine.CODE + 16, thread.instructionPointer());
        assertEquals(GuestMachine.STACK_TOP, thread.stackPointer());

        thread.setResult(0, 100);
        thread.setResult(1, 23);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(6, thread.syscallNumber());
        assertEquals(123, thread.argument(0));
        assertEquals(GuestMachine.CODE + 28, thread.instructionPointer());
        assertEquals(7, guest.machine.instructionsRetired());
    }

    @Test
    void anySvcImmediateIsASyscall() {
        guest.arm(space, GuestMachine.CODE, Arm.SVC_123456);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(GuestMachine.CODE + 4, thread.instructionPointer());
    }

    @Test
    void thumbSyscallResumesAfterTheTwoByteSvc() {
        guest.thumb(space, GuestMachine.CODE, 0, Thumb.MOVS_R0_11, Thumb.MOVS_R7_5, Thumb.SVC_0, Thumb.ADDS_R0_1,
                Thumb.SVC_255);
        ArmCpuContext thread = guest.context(GuestMachine.CODE | 1);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(5, thread.syscallNumber());
        assertEquals(11, thread.argument(0));
        assertEquals(GuestMachine.CODE + 6 | 1, thread.instructionPointer());

        thread.setResult(0, 41);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(42, thread.argument(0));
        assertEquals(GuestMachine.CODE + 10 | 1, thread.instructionPointer());
        assertEquals(5, guest.machine.instructionsRetired());
    }

    @Test
    void userCodeReadsItsThreadPointerFromTpidruro() {
        guest.arm(space, GuestMachine.CODE, Arm.MRC_TPIDRURO_R0, Arm.SVC_0);
        ArmCpuContext first = guest.context(GuestMachine.CODE);
        ArmCpuContext second = guest.context(GuestMachine.CODE);
        first.setThreadPointer(0x0012_3400);
        second.setThreadPointer(0x0056_7800);

        assertEquals(Trap.SYSCALL, guest.run(first, space));
        assertEquals(Trap.SYSCALL, guest.run(second, space));
        assertEquals(0x0012_3400, first.argument(0));
        assertEquals(0x0056_7800, second.argument(0));
    }

    @Test
    void thumbUserCodeReadsTpidruroToo() {
        guest.thumb(space, GuestMachine.CODE, 0, Thumb.MRC_TPIDRURO_R0_FIRST, Thumb.MRC_TPIDRURO_R0_SECOND,
                Thumb.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE | 1);
        thread.setThreadPointer(0xBEEF_0200);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(0xBEEF_0200, thread.argument(0));
    }

    @Test
    void registersAreSavedPerThreadAcrossSwitches() {
        guest.arm(space, GuestMachine.CODE, Arm.ADD_R1_R1_1, Arm.SVC_0, Arm.branch(-2));
        ArmCpuContext a = guest.context(GuestMachine.CODE);
        ArmCpuContext b = guest.context(GuestMachine.CODE);
        b.setRegister(1, 1000);

        for (int i = 0; i < 5; i++) {
            assertEquals(Trap.SYSCALL, guest.run(a, space));
            assertEquals(Trap.SYSCALL, guest.run(b, space));
        }

        assertEquals(5, a.argument(1));
        assertEquals(1005, b.argument(1));
        assertEquals(0x10, a.registers().get("cpsr") & 0x1F, "user mode");
    }
}
