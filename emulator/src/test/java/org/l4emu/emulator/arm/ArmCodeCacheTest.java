package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArmCodeCacheTest {
    private final GuestMachine guest = new GuestMachine();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void codeRewrittenInPlaceRunsAfterFlushCodeCache() {
        long frame = guest.arm(space, GuestMachine.CODE, Arm.MOV_R0_1, Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(1, thread.argument(0));

        guest.writeArm(frame, Arm.MOV_R0_2, Arm.SVC_0);
        guest.machine.flushCodeCache();
        thread.setInstructionPointer(GuestMachine.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(0));
    }
}
