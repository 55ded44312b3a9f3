package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * On the one-engine design user code runs in ring 3 with paging, but some of QEMU's helpers
 * (far calls, iret, lret) reach the user's stack through the kernel's MMU index, as supervisor
 * accesses: the page tables' read-only bit must bind them too (CR0.WP), or a space writes pages
 * it may only read, among them the kernel page with the GDT every space shares. On either design
 * a far call whose push is refused must fault at the call, with nothing of it done.
 */
class X86SupervisorWriteTest {
    private static final int CODE = X86Guest.CODE;
    private static final int DATA = X86Guest.DATA;
    private static final int PAGE = 4096;

    private X86Guest guest;

    @BeforeEach
    void open() {
        guest = new X86Guest();
    }

    /** The tests of the one-engine design: with engines per space Unicorn's region rights bind every access. */
    private void assumeOneEngine() {
        assumeTrue(guest.machine instanceof X86Machine, "engines per space: Unicorn's region rights bind every access");
    }

    @AfterEach
    void close() {
        guest.close();
    }

    /** {@code lcall $USER_CODE, $target}: pushes CS and the return EIP below ESP, then jumps. */
    private static byte[] farCall(int target) {
        return new byte[] {(byte) 0x9A, (byte) target, (byte) (target >>> 8), (byte) (target >>> 16),
            (byte) (target >>> 24), (byte) GlobalDescriptorTable.USER_CODE, 0};
    }

    /**
     * A far call pushes its return address through the kernel's MMU index, as a supervisor
     * write, even in ring 3; with CR0.WP clear such writes ignore the page's read-only bit. A
     * frame another space owns and shares read-only must not change when the space it is shared
     * with far-calls with its stack in it: the push faults as a write.
     */
    @Test
    void aFarCallCannotStoreIntoAPageMappedReadOnly() {
        assumeOneEngine();
        AddressSpace owner = guest.newSpace();
        long shared = guest.data(owner, DATA, Access.READ_WRITE);
        guest.memory.writeWord(shared + 0xF8, 0x0A0A0A0A);
        guest.memory.writeWord(shared + 0xFC, 0x0B0B0B0B);
        AddressSpace reader = guest.newSpace();
        reader.map(DATA, shared, Access.READ);
        guest.code(reader, CODE, X86.concat(farCall(CODE + 0x10), NOPS), X86.movEbx(1), X86.INT_80);
        X86CpuContext thread = guest.context(CODE);
        thread.setRegister(X86CpuContext.ESP, DATA + 0x100);
        Trap trap = guest.run(thread, reader);
        assertEquals(0x0A0A0A0A, guest.memory.readWord(shared + 0xF8), "the owner's word below, after " + trap);
        assertEquals(0x0B0B0B0B, guest.memory.readWord(shared + 0xFC), "the owner's word above, after " + trap);
        assertEquals(new Trap.PageFault(DATA + 0xFC, Access.WRITE, CODE), trap);
    }

    /**
     * The same push aimed at the kernel page, which every space maps read-only: it holds the GDT
     * every thread loads its selectors from. A space must not be able to turn the user data
     * descriptor into a not-present one for every other space.
     */
    @Test
    void aFarCallCannotStoreIntoTheSharedDescriptorTable() {
        assumeOneEngine();
        AddressSpace attacker = guest.newSpace();
        guest.code(attacker, CODE, X86.concat(farCall(CODE + 0x10), NOPS), X86.INT_80);
        X86CpuContext thread = guest.context(CODE);
        // The pushes land on the user data descriptor (GDT + 0x20).
        thread.setRegister(X86CpuContext.ESP, (int) KernelLayout.GDT + 0x28);
        Trap trap = guest.run(thread, attacker);

        AddressSpace victim = guest.newSpace();
        // mov $USER_DATA, %eax; mov %eax, %es; mov $7, %ebx; int $0x80
        guest.code(victim, CODE, X86.movEax(GlobalDescriptorTable.USER_DATA), new byte[] {(byte) 0x8E, (byte) 0xC0},
                X86.movEbx(7), X86.INT_80);
        X86CpuContext inVictim = guest.context(CODE);
        assertEquals(Trap.SYSCALL, guest.run(inVictim, victim), "another space loads the user data selector, after " + trap);
        assertEquals(7, inVictim.argument(0));
        assertEquals(new Trap.PageFault((int) KernelLayout.GDT + 0x24, Access.WRITE, CODE), trap);
    }

    /**
     * A far call whose push reaches a page nothing maps stops at the refused write (Unicorn's
     * invalid-memory hook, inside QEMU's far-call helper). QEMU must not keep anything of it
     * that changes how another space's later faults are reported: a fetch from a page mapped
     * without execute is a page fault, not a double fault reported as {@code int $8}.
     */
    @Test
    void aFarCallStoppedAtAnUnmappedStackLeavesAnotherSpacesFaultsAlone() {
        assumeOneEngine();
        AddressSpace caller = guest.newSpace();
        // The call's target is in a page mapped without execute: its fetch faults too.
        guest.code(caller, CODE, farCall(CODE + PAGE + 0x10), X86.INT_80);
        guest.data(caller, CODE + PAGE, Access.READ_WRITE);
        X86CpuContext thread = guest.context(CODE);
        thread.setRegister(X86CpuContext.ESP, DATA + 0x100);
        Trap trap = guest.run(thread, caller);

        AddressSpace other = guest.newSpace();
        guest.data(other, DATA, Access.READ_WRITE);
        for (int round = 0; round < 2; round++) {
            assertEquals(new Trap.PageFault(DATA, Access.EXECUTE, DATA), guest.run(guest.context(DATA), other),
                    "round " + round + ", after the far call's " + trap);
        }
    }

    /**
     * A far call whose push reaches a page nothing maps must fault at the call, with nothing of
     * it done, so that the thread calls again once its stack is mapped: not at the target, with
     * the return address never pushed.
     */
    @Test
    void aFarCallStoppedAtAnUnmappedStackFaultsAtTheCall() {
        farCallFaultsAtTheCallAndCallsOnceItsStackIsMapped(guest);
    }

    /** The same on the engine-per-space design, where Unicorn's regions refuse the push. */
    @Test
    void aFarCallStoppedAtAnUnmappedStackFaultsAtTheCallWithEnginesPerSpace() {
        try (X86Guest pooled = X86Guest.pooled()) {
            farCallFaultsAtTheCallAndCallsOnceItsStackIsMapped(pooled);
        }
    }

    private static void farCallFaultsAtTheCallAndCallsOnceItsStackIsMapped(X86Guest on) {
        AddressSpace caller = on.newSpace();
        // At the target: eax = the pushed return EIP, ebx = 5, int $0x80.
        on.code(caller, CODE, X86.concat(farCall(CODE + 0x10), NOPS), new byte[] {0x58}, X86.movEbx(5), X86.INT_80);
        X86CpuContext thread = on.context(CODE);
        thread.setRegister(X86CpuContext.ESP, DATA + 0x100);
        assertEquals(new Trap.PageFault(DATA + 0xFC, Access.WRITE, CODE), on.run(thread, caller));
        assertEquals(CODE, thread.instructionPointer(), "EIP");
        assertEquals(DATA + 0x100, thread.register(X86CpuContext.ESP), "ESP");

        on.data(caller, DATA, Access.READ_WRITE);
        assertEquals(Trap.SYSCALL, on.run(thread, caller), "the call once its stack is mapped");
        assertEquals(5, thread.argument(0));
        assertEquals(CODE + 7, thread.register(X86CpuContext.EAX), "the return EIP the call pushed");
        assertEquals(DATA + 0xFC, thread.register(X86CpuContext.ESP), "the pushed CS is left on the stack");
    }

    /**
     * QEMU runs {@code cmpxchg8b} as one helper: with engines per space a read-only page lets it
     * read and refuses its store, and the helper goes on to load EDX:EAX with the old value and
     * clear ZF. The fault must leave the thread as it was at the instruction, or, run again once
     * the pager made the page writable, it compares equal and stores what it must not (a
     * compare-and-swap that succeeds against a value it never held). Both designs.
     */
    @Test
    void aCmpxchg8bWhoseStoreIsRefusedLeavesItsRegistersAsTheyWere() {
        cmpxchg8bFaultsWithNothingDone(guest);
    }

    @Test
    void aCmpxchg8bWhoseStoreIsRefusedLeavesItsRegistersAsTheyWereWithEnginesPerSpace() {
        try (X86Guest pooled = X86Guest.pooled()) {
            cmpxchg8bFaultsWithNothingDone(pooled);
        }
    }

    private static void cmpxchg8bFaultsWithNothingDone(X86Guest on) {
        AddressSpace space = on.newSpace();
        // cmp %eax, %eax (ZF = 1); cmpxchg8b (%esi); int $0x80
        on.code(space, CODE, new byte[] {0x39, (byte) 0xC0, 0x0F, (byte) 0xC7, 0x0E}, X86.INT_80);
        long frame = on.data(space, DATA, Access.READ);
        on.memory.writeWord(frame + 0x10, 0xAAAA_AAAA);
        on.memory.writeWord(frame + 0x14, 0xBBBB_BBBB);
        X86CpuContext thread = on.context(CODE);
        thread.setRegister(X86CpuContext.EAX, 0x1111_1111);
        thread.setRegister(X86CpuContext.EDX, 0x2222_2222);
        thread.setRegister(X86CpuContext.EBX, 0x3333_3333);
        thread.setRegister(X86CpuContext.ECX, 0x4444_4444);
        thread.setRegister(X86CpuContext.ESI, DATA + 0x10);

        assertEquals(new Trap.PageFault(DATA + 0x10, Access.WRITE, CODE + 2), on.run(thread, space));
        assertEquals(0x1111_1111, thread.register(X86CpuContext.EAX), "EAX at the fault");
        assertEquals(0x2222_2222, thread.register(X86CpuContext.EDX), "EDX at the fault");
        assertEquals(ZF, thread.register(X86CpuContext.EFLAGS) & ZF, "ZF at the fault (cmp set it)");

        space.unmap(DATA);
        space.map(DATA, frame, Access.READ_WRITE);
        assertEquals(Trap.SYSCALL, on.run(thread, space), "the cmpxchg8b once the page is writable");
        assertEquals(0xAAAA_AAAA, on.memory.readWord(frame + 0x10), "the low word: the compare fails, nothing is stored");
        assertEquals(0xBBBB_BBBB, on.memory.readWord(frame + 0x14), "the high word");
        assertEquals(0xAAAA_AAAA, thread.register(X86CpuContext.EAX), "EAX: the old low word");
        assertEquals(0xBBBB_BBBB, thread.register(X86CpuContext.EDX), "EDX: the old high word");
        assertEquals(0, thread.register(X86CpuContext.EFLAGS) & ZF, "ZF: not equal");
    }

    private static final int ZF = 0x40;

    /** Pads a 7-byte far call at CODE to its target at CODE + 0x10. */
    private static final byte[] NOPS = {(byte) 0x90, (byte) 0x90, (byte) 0x90, (byte) 0x90, (byte) 0x90, (byte) 0x90,
        (byte) 0x90, (byte) 0x90, (byte) 0x90};
}
