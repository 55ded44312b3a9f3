package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * Address 0 is an address like any other: code mapped there runs, and a jump there without a
 * mapping is a prefetch abort. (Unicorn stops a run at a block starting at its "until" address,
 * which l4emu passes as 0.)
 */
class ArmPageZeroTest {
    private static final int MOV_PC_0 = 0xE3A0F000; // mov pc, #0

    @Test
    void aJumpToUnmappedZeroIsAPrefetchAbortThere() {
        try (GuestMachine guest = new GuestMachine()) {
            AddressSpace space = guest.newSpace();
            guest.arm(space, GuestMachine.CODE, Arm.NOP, MOV_PC_0);
            ArmCpuContext thread = guest.context(GuestMachine.CODE);
            assertEquals(new Trap.PageFault(0, Access.EXECUTE, 0), guest.run(thread, space));
            assertEquals(2, guest.machine.instructionsRetired());
        }
    }

    @Test
    void codeMappedAtZeroRunsWhenJumpedToAndWhenStartedThere() {
        try (GuestMachine guest = new GuestMachine()) {
            AddressSpace space = guest.newSpace();
            guest.arm(space, 0, Arm.MOV_R0_11, Arm.SVC_0);
            guest.arm(space, GuestMachine.CODE, Arm.NOP, MOV_PC_0);
            ArmCpuContext thread = guest.context(GuestMachine.CODE);
            assertEquals(Trap.SYSCALL, guest.run(thread, space));
            assertEquals(11, thread.register(0));
            assertEquals(4, guest.machine.instructionsRetired());

            ArmCpuContext atZero = guest.context(0);
            assertEquals(Trap.SYSCALL, guest.run(atZero, space));
            assertEquals(6, guest.machine.instructionsRetired());
        }
    }
}
