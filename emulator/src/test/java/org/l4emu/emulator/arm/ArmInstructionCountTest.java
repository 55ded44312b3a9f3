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
    void budgetStopsAfterExactlyThatManyInstructions() {
        guest.arm(space, GuestMachine.CODE, Arm.NOP, Arm.NOP, Arm.NOP, Arm.NOP, Arm.NOP, Arm.NOP, Arm.NOP, Arm.NOP,
                Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.machine.run(thread, space, 5));
        assertEquals(GuestMachine.CODE + 20, thread.instructionPointer());
        assertEquals(5, guest.machine.instructionsRetired());

        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 100));
        assertEquals(GuestMachine.CODE + 36, thread.instructionPointer());
        assertEquals(9, guest.machine.instructionsRetired());
    }

    @Test
    void aBudgetEndingOnTheSvcStillReportsTheSyscall() {
        guest.arm(space, GuestMachine.CODE, Arm.NOP, Arm.NOP, Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);

        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 3));
        assertEquals(3, guest.machine.instructionsRetired());
    }

    @Test
    void knownLoopRetiresExactlyItsInstructionCount() {
        guest.arm(space, GuestMachine.CODE, SUM_LOOP);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(5050, thread.argument(0));
        assertEquals(SUM_LOOP_INSTRUCTIONS, guest.machine.instructionsRetired());
    }

    @Test
    void slicingTheLoopChangesNeitherResultNorCount() {
        guest.arm(space, GuestMachine.CODE, SUM_LOOP);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        int slices = 0;
        Trap trap;
        do {
            trap = guest.machine.run(thread, space, 7);
            slices++;
            assertEquals(Math.min(7L * slices, SUM_LOOP_INSTRUCTIONS), guest.machine.instructionsRetired());
        } while (trap == Trap.BUDGET_EXHAUSTED);

        assertEquals(Trap.SYSCALL, trap);
        assertEquals(5050, thread.argument(0));
        assertEquals(SUM_LOOP_INSTRUCTIONS, guest.machine.instructionsRetired());
        assertEquals(Math.ceilDiv(SUM_LOOP_INSTRUCTIONS, 7), slices);
    }

    @Test
    void singleSteppingCountsOneInstructionPerRun() {
        guest.arm(space, GuestMachine.CODE, Arm.MOV_R0_1, Arm.ADD_R0_R0_R1, Arm.NOP, Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);

        for (int i = 1; i <= 3; i++) {
            assertEquals(Trap.BUDGET_EXHAUSTED, guest.machine.run(thread, space, 1));
            assertEquals(GuestMachine.CODE + 4 * i, thread.instructionPointer());
            assertEquals(i, guest.machine.instructionsRetired());
        }
        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 1));
        assertEquals(4, guest.machine.instructionsRetired());
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

    @Test
    void sameProgramGivesTheSameTraceOnAFreshMachine() {
        String first = trace();
        String second = trace();
        assertEquals(first, second);
    }

    private static String trace() {
        try (GuestMachine fresh = new GuestMachine()) {
            AddressSpace freshSpace = fresh.newSpace();
            fresh.arm(freshSpace, GuestMachine.CODE, SUM_LOOP);
            ArmCpuContext thread = fresh.context(GuestMachine.CODE);
            StringBuilder trace = new StringBuilder();
            Trap trap;
            do {
                trap = fresh.machine.run(thread, freshSpace, 13);
                trace.append(trap).append(' ').append(thread.registers()).append(' ')
                        .append(fresh.machine.instructionsRetired()).append('\n');
            } while (trap == Trap.BUDGET_EXHAUSTED);
            return trace.toString();
        }
    }
}
