package org.l4emu.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;

/** The system call trap: arguments in, results back, the thread resuming after it. */
@ParameterizedClass(name = "{0}")
@EnumSource(IsaFixture.class)
class SyscallContractTest extends ContractTest {
    private final AddressSpace space;

    SyscallContractTest(IsaFixture isa) {
        super(isa);
        this.space = guest.newSpace();
    }

    @Test
    void theTrapPassesArgumentsAndTheThreadResumesAfterItWithResults() {
        Program program = isa.assembler().move(0, 11).move(1, 22).syscallNumber(5).syscall()
                .add(0, 1).syscallNumber(6).syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.context(Guest.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(5, thread.syscallNumber());
        assertEquals(11, thread.argument(0));
        assertEquals(22, thread.argument(1));
        assertEquals(0, thread.argument(2));
        assertEquals(Guest.CODE + program.offset(4), thread.instructionPointer());
        assertEquals(Guest.STACK_TOP, thread.stackPointer());

        thread.setResult(isa.resultInArgument(0), 100);
        thread.setResult(isa.resultInArgument(1), 23);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(6, thread.syscallNumber());
        assertEquals(123, thread.argument(0));
        assertEquals(Guest.CODE + program.offset(7), thread.instructionPointer());
        assertEquals(7, guest.machine.instructionsRetired());
    }

    @Test
    void userCodeReadsItsOwnThreadPointer() {
        guest.code(space, Guest.CODE, isa.assembler().readThreadPointer(0).syscall().program());
        CpuContext first = guest.context(Guest.CODE);
        CpuContext second = guest.context(Guest.CODE);
        first.setThreadPointer(0x0012_3400);
        second.setThreadPointer(0x0056_7800);

        assertEquals(Trap.SYSCALL, guest.run(first, space));
        assertEquals(Trap.SYSCALL, guest.run(second, space));
        assertEquals(0x0012_3400, first.argument(0));
        assertEquals(0x0056_7800, second.argument(0));
    }

    @Test
    void registersAreSavedPerThreadAcrossSwitches() {
        guest.code(space, Guest.CODE, Programs.countLoop(isa));
        CpuContext a = guest.context(Guest.CODE);
        CpuContext b = guest.context(Guest.CODE);
        isa.setArgument(b, 1, 1000);

        for (int i = 0; i < 5; i++) {
            assertEquals(Trap.SYSCALL, guest.run(a, space));
            assertEquals(Trap.SYSCALL, guest.run(b, space));
        }

        assertEquals(5, a.argument(1));
        assertEquals(1005, b.argument(1));
        assertTrue(isa.userMode(a));
    }
}
