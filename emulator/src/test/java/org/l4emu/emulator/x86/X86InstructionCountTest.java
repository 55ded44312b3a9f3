package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

class X86InstructionCountTest {
    /** ebx = sum of 1..100: mov $100, %ecx; loop: add %ecx, %ebx; dec %ecx; jnz loop; int $0x80. */
    private static final byte[][] SUM_LOOP = {X86.movEcx(100), X86.ADD_ECX_TO_EBX, X86.DEC_ECX, X86.JNZ_BACK_5,
        X86.INT_80};
    private static final long SUM_LOOP_INSTRUCTIONS = 1 + 100 * 3 + 1;

    private final X86Guest guest = new X86Guest();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void budgetStopsAfterExactlyThatManyInstructions() {
        guest.code(space, X86Guest.CODE, X86.NOP, X86.NOP, X86.NOP, X86.NOP, X86.NOP, X86.NOP, X86.NOP, X86.NOP,
                X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.machine.run(thread, space, 5));
        assertEquals(X86Guest.CODE + 5, thread.instructionPointer());
        assertEquals(5, guest.machine.instructionsRetired());

        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 100));
        assertEquals(X86Guest.CODE + 10, thread.instructionPointer());
        assertEquals(9, guest.machine.instructionsRetired());
    }

    @Test
    void aBudgetEndingOnTheInt80StillReportsTheSyscall() {
        guest.code(space, X86Guest.CODE, X86.NOP, X86.NOP, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(Trap.SYSCALL, guest.machine.run(thread, space, 3));
        assertEquals(3, guest.machine.instructionsRetired());
    }

    @Test
    void knownLoopRetiresExactlyItsInstructionCount() {
        guest.code(space, X86Guest.CODE, SUM_LOOP);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(5050, thread.argument(0));
        assertEquals(SUM_LOOP_INSTRUCTIONS, guest.machine.instructionsRetired());
    }

    @Test
    void slicingTheLoopChangesNeitherResultNorCount() {
        guest.code(space, X86Guest.CODE, SUM_LOOP);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int slices = 0;
        Trap trap;
        do {
            trap = guest.machine.run(thread, space, 7);
            slices++;
            assertEquals(Math.min(7L * slices, SUM_LOOP_INSTRUCTIONS), guest.machine.instructionsRetired());
        } while (trap == Trap.BUDGET_EXHAUSTED);

        assertEquals(Trap.SYSCALL, trap);
        assertEquals(5050, thread.argument(0));
        assertEquals(Math.ceilDiv(SUM_LOOP_INSTRUCTIONS, 7), slices);
    }

    @Test
    void singleSteppingCountsOneInstructionPerRun() {
        guest.code(space, X86Guest.CODE, X86.movEbx(1), X86.INC_EBX, X86.NOP, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int[] after = {X86Guest.CODE + 5, X86Guest.CODE + 6, X86Guest.CODE + 7};

        for (int i = 1; i <= 3; i++) {
            assertEquals(Trap.BUDGET_EXHAUSTED, guest.machine.run(thread, space, 1));
            assertEquals(after[i - 1], thread.instructionPointer());
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

    private static String trace() {
        try (X86Guest fresh = new X86Guest()) {
            AddressSpace freshSpace = fresh.newSpace();
            fresh.code(freshSpace, X86Guest.CODE, SUM_LOOP);
            X86CpuContext thread = fresh.context(X86Guest.CODE);
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
