package org.l4emu.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;

/** Budgets and counts of retired instructions are exact: virtual time rests on them. */
@ParameterizedClass(name = "{0}")
@EnumSource(IsaFixture.class)
class InstructionCountContractTest extends ContractTest {
    private final AddressSpace space;

    InstructionCountContractTest(IsaFixture isa) {
        super(isa);
        this.space = guest.newSpace();
    }

    @Test
    void budgetStopsAfterExactlyThatManyInstructions() {
        Program program = isa.assembler().nop().nop().nop().nop().nop().nop().nop().nop().syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.context(Guest.CODE);

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.machine.run(thread, space, 5));
        assertEquals(Guest.CODE + program.offset(5), thread.instructionPointer());
        assertEquals(5, guest.machine.instructionsRetired());

        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 100));
        assertEquals(Guest.CODE + program.offset(9), thread.instructionPointer());
        assertEquals(9, guest.machine.instructionsRetired());
    }

    @Test
    void aBudgetEndingOnTheSystemCallStillReportsIt() {
        guest.code(space, Guest.CODE, isa.assembler().nop().nop().syscall().program());
        CpuContext thread = guest.context(Guest.CODE);

        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 3));
        assertEquals(3, guest.machine.instructionsRetired());
    }

    @Test
    void knownLoopRetiresExactlyItsInstructionCount() {
        guest.code(space, Guest.CODE, Programs.sumLoop(isa));
        CpuContext thread = guest.context(Guest.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(5050, thread.argument(0));
        assertEquals(Programs.SUM_LOOP_INSTRUCTIONS, guest.machine.instructionsRetired());
    }

    @Test
    void slicingTheLoopChangesNeitherResultNorCount() {
        guest.code(space, Guest.CODE, Programs.sumLoop(isa));
        CpuContext thread = guest.context(Guest.CODE);
        int slices = 0;
        Trap trap;
        do {
            trap = guest.machine.run(thread, space, 7);
            slices++;
            assertEquals(Math.min(7L * slices, Programs.SUM_LOOP_INSTRUCTIONS), guest.machine.instructionsRetired());
        } while (trap == Trap.BUDGET_EXHAUSTED);

        assertEquals(Trap.SYSCALL, trap);
        assertEquals(5050, thread.argument(0));
        assertEquals(Programs.SUM_LOOP_INSTRUCTIONS, guest.machine.instructionsRetired());
        assertEquals(Math.ceilDiv(Programs.SUM_LOOP_INSTRUCTIONS, 7), slices);
    }

    @Test
    void singleSteppingCountsOneInstructionPerRun() {
        Program program = isa.assembler().move(0, 1).increment(0).nop().syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.context(Guest.CODE);

        for (int i = 1; i <= 3; i++) {
            assertEquals(Trap.BUDGET_EXHAUSTED, guest.machine.run(thread, space, 1));
            assertEquals(Guest.CODE + program.offset(i), thread.instructionPointer());
            assertEquals(i, guest.machine.instructionsRetired());
        }
        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 1));
        assertEquals(4, guest.machine.instructionsRetired());
        assertEquals(2, thread.argument(0));
    }

    @Test
    void sameProgramGivesTheSameTraceOnAFreshMachine() {
        assertEquals(trace(), trace());
    }

    private String trace() {
        try (Guest fresh = new Guest(isa)) {
            AddressSpace freshSpace = fresh.newSpace();
            fresh.code(freshSpace, Guest.CODE, Programs.sumLoop(isa));
            CpuContext thread = fresh.context(Guest.CODE);
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
