package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.spacetlb.SpaceTlbs;

/**
 * Hostile cases for x86 spaces that keep a TLB of their own ({@link SpaceTlbs}): translated code
 * that crosses a page, code that stores into itself, and code frames that become writable
 * in a space while its table is kept; spaces destroyed while their table is installed or kept
 * are SpaceTlbsContractTest's.
 */
class X86SpaceTlbsAttackTest extends X86OwnTlbs {
    /** The flat ring-3 code selector (GlobalDescriptorTable), and EFLAGS with IF and bit 1. */
    private static final int USER_CODE_SELECTOR = 0x1b;
    private static final int IRET_EFLAGS = 0x202;

    /**
     * One block runs from the end of a page both spaces share into the next page, which each
     * maps to its own frame: the jump cache finds blocks by PC alone, so the other space's block
     * must not be found there, nor through the physical hash (its second page differs).
     */
    @Test
    void aBlockRunningIntoTheNextPageRunsThatPageOfItsOwnSpace() {
        long shared = guest.frame();
        byte[] nops = X86.concat(X86.NOP, X86.NOP, X86.NOP, X86.NOP);
        guest.memory.write(shared + PAGE - nops.length, nops, 0, nops.length);
        List<AddressSpace> spaces = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            AddressSpace space = guest.newSpace();
            space.map(CODE, shared, Access.READ_EXECUTE);
            guest.code(space, CODE + PAGE, X86.movEbx(i), X86.INT_80);
            spaces.add(space);
        }
        for (int round = 0; round < 6; round++) {
            int i = round % 2;
            X86CpuContext thread = guest.context(CODE + PAGE - 4);
            assertEquals(Trap.SYSCALL, guest.run(thread, spaces.get(i)));
            assertEquals(i + 1, thread.argument(0), "round " + round + ": the second page of space " + i);
        }
    }

    /**
     * A space ran code from a frame and left with its table kept; then the frame is mapped
     * writable into it as well (a new mapping, which does not count as a change). Code it stores
     * there must run: its kept table must not let the store skip QEMU's code check.
     */
    @Test
    void codeMappedWritableIntoAKeptSpaceRunsAsItWritesIt() {
        AddressSpace space = guest.newSpace();
        int alias = DATA;
        int code = CODE + PAGE;
        guest.code(space, CODE, X86.STORE_ECX_TO_EBX, X86.INT_80);
        long frame = guest.code(space, code, X86.movEbx(1), X86.INT_80);
        X86CpuContext runner = guest.context(code);
        assertEquals(Trap.SYSCALL, guest.run(runner, space));
        assertEquals(1, runner.argument(0));
        pushOut();

        space.map(alias, frame, Access.READ_WRITE);
        for (int value = 2; value < 6; value++) {
            assertEquals(Trap.SYSCALL, guest.run(guest.thread(CODE, alias + 1, value), space));
            runner = guest.context(code);
            assertEquals(Trap.SYSCALL, guest.run(runner, space));
            assertEquals(value, runner.argument(0), "the code stored last, in the same visit");
            pushOut();
        }
    }

    /**
     * Code that stores a new immediate into its own next instruction, through a writable and
     * executable mapping, must run what it stored, visit after visit.
     */
    @Test
    void selfModifyingCodeRunsWhatItStored() {
        AddressSpace space = guest.newSpace();
        // mov %ecx, 1(%ebx); mov $0, %ebx (its immediate is the store's target); int $0x80.
        byte[] code = X86.concat(new byte[] {(byte) 0x89, 0x4B, 0x01}, X86.movEbx(0), X86.INT_80);
        long frame = guest.frame();
        guest.memory.write(frame, code, 0, code.length);
        space.map(CODE, frame, Access.ALL);
        for (int value = 1; value < 6; value++) {
            X86CpuContext thread = (X86CpuContext) guest.thread(CODE, CODE + 3, value);
            assertEquals(Trap.SYSCALL, guest.run(thread, space));
            assertEquals(value, thread.argument(0), "the immediate stored just before");
            pushOut();
        }
    }

    /**
     * iret, lret and far calls read and write the stack at the kernel's MMU index (QEMU's
     * {@code cpu_ldl_kernel}), even in ring 3: translations cached there belong to a space too.
     * Two spaces with different stack frames at one address each iret through their own frame,
     * visit after visit, and must land where their own frame says.
     */
    @Test
    void anIretReadsTheStackOfItsOwnSpace() {
        int stack = DATA;
        List<AddressSpace> spaces = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            AddressSpace space = guest.newSpace();
            // iret at CODE; each space's landing places at CODE + 0x10 and CODE + 0x20.
            byte[] code = new byte[0x30];
            code[0] = (byte) 0xCF;
            byte[] one = X86.concat(X86.movEbx(1), X86.INT_80);
            byte[] two = X86.concat(X86.movEbx(2), X86.INT_80);
            System.arraycopy(one, 0, code, 0x10, one.length);
            System.arraycopy(two, 0, code, 0x20, two.length);
            guest.code(space, CODE, code);
            long frame = guest.frame();
            space.map(stack, frame, Access.READ_WRITE);
            int[] iretFrame = {CODE + 0x10 * i, USER_CODE_SELECTOR, IRET_EFLAGS};
            for (int word = 0; word < iretFrame.length; word++) {
                guest.memory.writeWord(frame + 4L * word, iretFrame[word]);
            }
            spaces.add(space);
        }
        for (int round = 0; round < 6; round++) {
            int i = round % 2;
            X86CpuContext thread = guest.context(CODE);
            thread.setRegister(X86CpuContext.ESP, stack);
            assertEquals(Trap.SYSCALL, guest.run(thread, spaces.get(i)), "round " + round);
            assertEquals(i + 1, thread.argument(0), "round " + round + ": where space " + (i + 1) + "'s own frame says");
        }
    }
}
