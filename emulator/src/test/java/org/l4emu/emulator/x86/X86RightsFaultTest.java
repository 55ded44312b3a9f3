package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * Accesses against a mapped page's rights: their address, kind and EIP, and the instructions
 * counted, the same on both designs (paging raises #PF there, whose kind the machine works
 * out; regions report it directly).
 */
class X86RightsFaultTest {
    private static final int NEXT_PAGE = X86Guest.CODE + 0x1000;

    private final X86Guest guest = new X86Guest();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void aFetchFromAReadOnlyPageIsAnExecuteFaultAtIt() {
        guest.code(space, X86Guest.CODE, X86.movEbx(X86Guest.DATA), X86.JMP_EBX);
        guest.data(space, X86Guest.DATA, Access.READ);

        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.EXECUTE, X86Guest.DATA),
                guest.run(guest.context(X86Guest.CODE), space));
        assertEquals(2, guest.machine.instructionsRetired());
    }

    @Test
    void aWriteToCodeIsAWriteFault() {
        guest.code(space, X86Guest.CODE, X86.movEbx(X86Guest.CODE), X86.STORE_ECX_TO_EBX);

        assertEquals(new Trap.PageFault(X86Guest.CODE, Access.WRITE, X86Guest.CODE + 5),
                guest.run(guest.context(X86Guest.CODE), space));
        assertEquals(1, guest.machine.instructionsRetired());
    }

    @Test
    void aWriteToTheStartOfTheReadOnlyPageAfterTheCodeIsAWriteFault() {
        // The int $0x80 ends the block in the code page, so only the store reaches the next page.
        int at = NEXT_PAGE - 9;
        guest.code(space, X86Guest.CODE, nopsThen(at, X86.movEbx(NEXT_PAGE), X86.STORE_ECX_TO_EBX, X86.INT_80));
        guest.memory.writeWord(guest.data(space, NEXT_PAGE, Access.READ), 0x600D);
        X86CpuContext thread = guest.context(at);

        assertEquals(new Trap.PageFault(NEXT_PAGE, Access.WRITE, at + 5), guest.run(thread, space));
        assertEquals(1, guest.machine.instructionsRetired());
        assertEquals(0x600D, guest.memory.readWord(space.translate(NEXT_PAGE)), "the write did not happen");
    }

    @Test
    void codeRunningIntoAReadOnlyPageIsAnExecuteFaultThere() {
        int at = NEXT_PAGE - 4;
        guest.code(space, X86Guest.CODE, nopsThen(at, X86.NOP, X86.NOP, X86.NOP, X86.NOP));
        guest.data(space, NEXT_PAGE, Access.READ);
        X86CpuContext thread = guest.context(at);

        Trap trap = guest.run(thread, space);

        assertEquals(Access.EXECUTE, ((Trap.PageFault) trap).access());
        assertEquals(NEXT_PAGE, ((Trap.PageFault) trap).address());
        assertEquals(thread.instructionPointer(), ((Trap.PageFault) trap).instructionPointer());
        assertEquals(thread.instructionPointer() - at, guest.machine.instructionsRetired(),
                "exactly the instructions before the one resuming re-runs");
    }

    @Test
    void anInstructionStraddlingIntoAReadOnlyPageIsAnExecuteFaultThere() {
        int at = NEXT_PAGE - 2;
        guest.code(space, X86Guest.CODE, nopsThen(at, X86.movEbx(7)));
        long frame = guest.data(space, NEXT_PAGE, Access.READ);
        guest.memory.write(frame, X86.concat(X86.movEbx(7)), 2, 3);
        X86CpuContext thread = guest.context(at);

        assertEquals(new Trap.PageFault(NEXT_PAGE, Access.EXECUTE, at), guest.run(thread, space));
        assertEquals(0, guest.machine.instructionsRetired());
    }

    @Test
    void aFetchFromTheKernelPageIsAnExecuteFault() {
        guest.code(space, X86Guest.CODE, X86.movEbx((int) KernelLayout.KERNEL_PAGE), X86.JMP_EBX);

        assertEquals(new Trap.PageFault((int) KernelLayout.KERNEL_PAGE, Access.EXECUTE, (int) KernelLayout.KERNEL_PAGE),
                guest.run(guest.context(X86Guest.CODE), space));
    }

    @Test
    void faultAfterFaultStaysAPageFaultAndAnInt0eStaysRefused() {
        guest.code(space, X86Guest.CODE, X86.movEbx(X86Guest.DATA), X86.STORE_ECX_TO_EBX, X86.INT_0E);
        guest.data(space, X86Guest.DATA, Access.READ);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        for (int i = 0; i < 4; i++) {
            assertEquals(new Trap.PageFault(X86Guest.DATA, Access.WRITE, X86Guest.CODE + 5), guest.run(thread, space));
        }
        thread.setInstructionPointer(X86Guest.CODE + 7);
        assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, X86Guest.CODE + 7, X86Guest.CODE + 7),
                guest.run(thread, space));
        thread.setInstructionPointer(X86Guest.CODE + 5);
        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.WRITE, X86Guest.CODE + 5), guest.run(thread, space));
    }

    @Test
    void aFaultAfterFreedCodeWasDroppedIsStillAPageFault() {
        AddressSpace other = guest.newSpace();
        long old = guest.code(other, X86Guest.CODE, X86.INT_80);
        assertEquals(Trap.SYSCALL, guest.run(guest.context(X86Guest.CODE), other));
        other.unmap(X86Guest.CODE);
        guest.memory.freeFrames(old, 1);
        guest.machine.flushCodeCache();
        guest.code(space, X86Guest.CODE, X86.movEbx(X86Guest.DATA), X86.STORE_ECX_TO_EBX);
        guest.data(space, X86Guest.DATA, Access.READ_EXECUTE);

        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.WRITE, X86Guest.CODE + 5),
                guest.run(guest.context(X86Guest.CODE), space));
    }

    /** The page at {@link X86Guest#CODE}: nops up to {@code at}, then as much of {@code instructions} as fits. */
    private static byte[] nopsThen(int at, byte[]... instructions) {
        byte[] tail = X86.concat(instructions);
        byte[] page = new byte[Math.min(at - X86Guest.CODE + tail.length, 0x1000)];
        Arrays.fill(page, 0, at - X86Guest.CODE, X86.NOP[0]);
        System.arraycopy(tail, 0, page, at - X86Guest.CODE, page.length - (at - X86Guest.CODE));
        return page;
    }
}
