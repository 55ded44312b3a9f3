package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

class X86FaultTest {
    private final X86Guest guest = new X86Guest();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void anAccessStraddlingIntoAnUnmappedPageFaultsAtThatPage() {
        guest.code(space, X86Guest.CODE, X86.movEbx(X86Guest.DATA + 0xFFE), X86.STORE_ECX_TO_EBX, X86.INT_80);
        guest.data(space, X86Guest.DATA, Access.READ_WRITE);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(new Trap.PageFault(X86Guest.DATA + 0x1000, Access.WRITE, X86Guest.CODE + 5),
                guest.run(thread, space));
    }

    @Test
    void theThreadPointerWordCannotBeWritten() {
        guest.code(space, X86Guest.CODE, X86.movEax(0x1234), X86.MOV_EAX_TO_GS0);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(new Trap.PageFault((int) KernelLayout.THREAD_POINTER_WORD, Access.WRITE, X86Guest.CODE + 5),
                guest.run(thread, space));
    }

    @Test
    void privilegedInstructionsFaultAgainAndAgainWithoutBecomingDoubleFaults() {
        guest.code(space, X86Guest.CODE, X86.HLT, X86.CLI);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        for (int i = 0; i < 3; i++) {
            assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, X86Guest.CODE, X86Guest.CODE),
                    guest.run(thread, space));
        }
        thread.setInstructionPointer(X86Guest.CODE + 1);
        assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, X86Guest.CODE + 1, X86Guest.CODE + 1),
                guest.run(thread, space));
        assertEquals(0, guest.machine.instructionsRetired());
    }

    @Test
    void divisionByZeroIsADivideErrorAtTheDivide() {
        guest.code(space, X86Guest.CODE, X86.XOR_ECX_ECX, X86.DIV_ECX);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(new Trap.CpuException(Trap.Kind.DIVIDE_ERROR, X86Guest.CODE + 2, X86Guest.CODE + 2),
                guest.run(thread, space));
        assertEquals(new Trap.CpuException(Trap.Kind.DIVIDE_ERROR, X86Guest.CODE + 2, X86Guest.CODE + 2),
                guest.run(thread, space));
        assertEquals(1, guest.machine.instructionsRetired(), "the xor; the divide never completes");
    }

    @Test
    void breakpointsStopAtTheInstructionLikeArmBkpt() {
        guest.code(space, X86Guest.CODE, X86.NOP, X86.INT3, X86.INT_3_LONG, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(new Trap.CpuException(Trap.Kind.BREAKPOINT, X86Guest.CODE + 1, X86Guest.CODE + 1),
                guest.run(thread, space));
        assertEquals(X86Guest.CODE + 1, thread.instructionPointer());
        thread.setInstructionPointer(X86Guest.CODE + 2);
        assertEquals(new Trap.CpuException(Trap.Kind.BREAKPOINT, X86Guest.CODE + 2, X86Guest.CODE + 2),
                guest.run(thread, space));
        thread.setInstructionPointer(X86Guest.CODE + 4);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, guest.machine.instructionsRetired());
    }

    @Test
    void singleSteppingTrapsAfterEachInstructionAsABreakpoint() {
        guest.code(space, X86Guest.CODE, X86.SET_TRAP_FLAG, X86.NOP, X86.NOP, X86.INT_80);
        guest.data(space, X86Guest.STACK_TOP - 0x1000, Access.READ_WRITE);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int afterFirstNop = X86Guest.CODE + X86.SET_TRAP_FLAG.length + 1;

        assertEquals(new Trap.CpuException(Trap.Kind.BREAKPOINT, afterFirstNop, afterFirstNop), guest.run(thread, space));
        assertEquals(4, guest.machine.instructionsRetired(), "pushf, or, popf and the stepped nop");
        assertEquals(new Trap.CpuException(Trap.Kind.BREAKPOINT, afterFirstNop + 1, afterFirstNop + 1),
                guest.run(thread, space));
        assertEquals(5, guest.machine.instructionsRetired());
    }

    @Test
    void softwareInterruptsOtherThanTheSystemCallAreRefusedAtTheInt() {
        guest.code(space, X86Guest.CODE, X86.INT_81, X86.INT_0E);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, X86Guest.CODE, X86Guest.CODE),
                guest.run(thread, space));
        thread.setInstructionPointer(X86Guest.CODE + 2);
        assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, X86Guest.CODE + 2, X86Guest.CODE + 2),
                guest.run(thread, space));
        assertEquals(0, guest.machine.instructionsRetired());
    }

    @Test
    void floatingPointAndSseAreUndefinedSoThreadsHaveNoSuchState() {
        guest.code(space, X86Guest.CODE, X86.FLD1);
        guest.code(space, X86Guest.CODE + 0x1000, X86.MOVAPS_XMM1_XMM0);

        assertEquals(new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, X86Guest.CODE, X86Guest.CODE),
                guest.run(guest.context(X86Guest.CODE), space));
        assertEquals(new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, X86Guest.CODE + 0x1000,
                X86Guest.CODE + 0x1000), guest.run(guest.context(X86Guest.CODE + 0x1000), space));
    }

    @Test
    void theTimeStampCounterIsPrivilegedSoRunsStayDeterministic() {
        guest.code(space, X86Guest.CODE, X86.RDTSC);

        assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, X86Guest.CODE, X86Guest.CODE),
                guest.run(guest.context(X86Guest.CODE), space));
    }
}
