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
    void thumbUserCodeReadsTpidruroToo() {
        guest.thumb(space, GuestMachine.CODE, 0, Thumb.MRC_TPIDRURO_R0_FIRST, Thumb.MRC_TPIDRURO_R0_SECOND,
                Thumb.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE | 1);
        thread.setThreadPointer(0xBEEF_0200);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(0xBEEF_0200, thread.argument(0));
    }
}
