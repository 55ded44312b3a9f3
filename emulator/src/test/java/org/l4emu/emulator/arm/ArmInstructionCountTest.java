package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArmInstructionCountTest {
    /** r0 = 1 + 2 + ... + 100 in a loop: 2 + 100 * 3 instructions, then the svc. */
    private static final int[] SUM_LOOP = {
        Arm.MOV_R0_0, Arm.MOV_R1_100, Arm.ADD_R0_R0_R1, Arm.SUBS_R1_R1_1, Arm.BNE_MINUS_2, Arm.SVC_0
    };
    private static final long SUM_LOOP_INSTRUCTIONS = 2 + 100 * 3 + 1;

    private final GuestMachine guest = new GuestMachine();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void thumbBudgetIsExactToo() {
        guest.thumb(space, GuestMachine.CODE, 0, Thumb.NOP, Thumb.NOP, Thumb.NOP, Thumb.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE | 1);

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.machine.run(thread, space, 2));
        assertEquals(GuestMachine.CODE + 4 | 1, thread.instructionPointer());
        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 2));
        assertEquals(4, guest.machine.instructionsRetired());
    }
}
