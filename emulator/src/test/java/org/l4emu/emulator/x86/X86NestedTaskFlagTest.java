package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * EFLAGS.NT, which {@code popf} sets in ring 3, is a register like the others (ABI: a system
 * call preserves every register but its results): it survives system calls, switches and the
 * CPU reset after an exception on every engine. Before, the context load masked it out, which
 * happened on a switch on 2.1 (one engine) but not on 2.0.1 (the space's engine kept it), and
 * after any exception on both. {@code iret} with NT set, a task return, is refused as a
 * privileged instruction at the {@code iret}, whether or not page 0 is mapped.
 */
class X86NestedTaskFlagTest {
    private static final byte[] SET_NT = {(byte) 0x9C, (byte) 0x81, 0x0C, 0x24, 0x00, 0x40, 0x00, 0x00, (byte) 0x9D};
    private static final byte[] PUSHF_POP_EAX = {(byte) 0x9C, 0x58};
    private static final byte[] UD2 = {0x0F, 0x0B};
    private static final byte[] IRET = {(byte) 0xCF};

    private final X86Guest guest = new X86Guest();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void theFlagSurvivesASystemCallAndASwitchToAnotherSpace() {
        guest.code(space, X86Guest.CODE, SET_NT, X86.INT_80, PUSHF_POP_EAX, X86.INT_80);
        guest.data(space, X86Guest.STACK_TOP - 0x1000, Access.READ_WRITE);
        AddressSpace other = guest.newSpace();
        guest.code(other, X86Guest.CODE, X86.NOP, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(Trap.SYSCALL, guest.run(guest.context(X86Guest.CODE), other));
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(X86CpuContext.EFLAGS_NT, thread.register(X86CpuContext.EAX) & X86CpuContext.EFLAGS_NT);
    }

    @Test
    void theFlagSurvivesAnException() {
        guest.code(space, X86Guest.CODE, SET_NT, UD2, PUSHF_POP_EAX, X86.INT_80);
        guest.data(space, X86Guest.STACK_TOP - 0x1000, Access.READ_WRITE);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int ud2 = X86Guest.CODE + SET_NT.length;

        assertEquals(new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, ud2, ud2), guest.run(thread, space));
        thread.setInstructionPointer(ud2 + UD2.length);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(X86CpuContext.EFLAGS_NT, thread.register(X86CpuContext.EAX) & X86CpuContext.EFLAGS_NT);
    }

    @Test
    void iretWithTheFlagSetIsAPrivilegedInstructionAtTheIret() {
        refusesTheTaskReturn(false);
    }

    @Test
    void iretWithTheFlagSetIsRefusedAlikeWithPageZeroMapped() {
        refusesTheTaskReturn(true);
    }

    private void refusesTheTaskReturn(boolean pageZero) {
        guest.code(space, X86Guest.CODE, SET_NT, IRET, X86.INT_80);
        guest.data(space, X86Guest.STACK_TOP - 0x1000, Access.READ_WRITE);
        if (pageZero) {
            guest.data(space, 0, Access.READ_WRITE);
        }
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int iret = X86Guest.CODE + SET_NT.length;

        for (int i = 0; i < 2; i++) {
            assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, iret, iret), guest.run(thread, space));
        }
        assertEquals(3, guest.machine.instructionsRetired(), "pushf, or, popf; the iret never completes");
    }
}
