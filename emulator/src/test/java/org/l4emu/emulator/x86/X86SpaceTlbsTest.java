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
 * x86 spaces that keep a TLB of their own ({@link SpaceTlbs}): whatever a space finds when it
 * enters again must be what its page tables say now, and code must be its own, with more spaces
 * than the tables kept aside and with tables larger than any kept.
 */
class X86SpaceTlbsTest extends X86OwnTlbs {
    /** {@code mov $number, %ebx; mov (%esi), %ecx; int $0x80}: names its space and reads its data. */
    private long reading(AddressSpace space, int number) {
        return guest.code(space, CODE, X86.movEbx(number), LOAD_ECX_FROM_ESI, X86.INT_80);
    }

    @Test
    void moreSpacesThanTablesKeptEachRunTheirOwnCodeOnTheirOwnData() {
        int count = SpaceTlbs.KEPT + 8;
        List<AddressSpace> spaces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AddressSpace space = guest.newSpace();
            reading(space, i);
            guest.memory.writeWord(guest.data(space, DATA, Access.READ), 0x5000 + i);
            spaces.add(space);
        }
        for (int round = 0; round < 3; round++) {
            for (int step = 0; step < count * 2; step++) {
                int i = (step * (round + 7) + step / 3) % count;
                X86CpuContext thread = reader(DATA);
                assertEquals(Trap.SYSCALL, guest.run(thread, spaces.get(i)));
                assertEquals(i, thread.argument(0), "code of space " + i);
                assertEquals(0x5000 + i, thread.argument(1), "data of space " + i);
            }
        }
    }

    @Test
    void aPageUnmappedOrMovedWhileItsSpaceWasOutIsGoneOrMovedWhenItReturns() {
        AddressSpace a = guest.newSpace();
        reading(a, 1);
        guest.memory.writeWord(guest.data(a, DATA, Access.READ), 0xAAAA);
        X86CpuContext inA = reader(DATA);
        assertEquals(Trap.SYSCALL, guest.run(inA, a));
        assertEquals(0xAAAA, inA.argument(1));

        pushOut();
        long moved = guest.frame();
        guest.memory.writeWord(moved, 0xBBBB);
        a.map(DATA, moved, Access.READ);
        inA = reader(DATA);
        assertEquals(Trap.SYSCALL, guest.run(inA, a));
        assertEquals(0xBBBB, inA.argument(1), "the page moved while its space was out");

        pushOut();
        a.unmap(DATA);
        inA = reader(DATA);
        assertEquals(new Trap.PageFault(DATA, Access.READ, CODE + 5), guest.run(inA, a));
    }

    @Test
    void aPageGrantedWhileItsSpaceWasOutIsSeenWhenItReturns() {
        AddressSpace a = guest.newSpace();
        reading(a, 1);
        guest.data(a, DATA, Access.READ);
        assertEquals(Trap.SYSCALL, guest.run(reader(DATA), a));
        AddressSpace granter = guest.newSpace();
        long granted = guest.data(granter, DATA, Access.READ_WRITE);
        guest.memory.writeWord(granted, 0x6A47);
        for (int round = 0; round < 3; round++) {
            pushOut();
            a.map(DATA, round % 2 == 0 ? granted : guest.frame(), Access.READ);
            X86CpuContext inA = reader(DATA);
            assertEquals(Trap.SYSCALL, guest.run(inA, a));
            assertEquals(round % 2 == 0 ? 0x6A47 : 0, inA.argument(1), "round " + round);
        }
    }

    /** {@code mov $imm32, %ebx} at the runner's code: the writer stores a new immediate into it. */
    @Test
    void codeStoredThroughAnotherSpaceRunsWhenItsSpaceReturns() {
        AddressSpace runner = guest.newSpace();
        long shared = guest.code(runner, CODE, X86.movEbx(1), X86.INT_80);
        AddressSpace writer = guest.newSpace();
        guest.code(writer, CODE, X86.STORE_ECX_TO_EBX, X86.INT_80);
        writer.map(DATA, shared, Access.READ_WRITE);

        for (int value = 2; value < 6; value++) {
            X86CpuContext inRunner = guest.context(CODE);
            assertEquals(Trap.SYSCALL, guest.run(inRunner, runner));
            assertEquals(value - 1, inRunner.argument(0));
            pushOut();
            X86CpuContext inWriter = (X86CpuContext) guest.thread(CODE, DATA + 1, value);
            assertEquals(Trap.SYSCALL, guest.run(inWriter, writer));
            pushOut();
        }
    }

    @Test
    void aDataFrameThatBecomesCodeLaterRunsAsWritten() {
        AddressSpace writer = guest.newSpace();
        guest.code(writer, CODE, X86.STORE_ECX_TO_EBX, X86.INT_80);
        long frame = guest.data(writer, DATA, Access.READ_WRITE);
        assertEquals(Trap.SYSCALL, guest.run(guest.thread(CODE, DATA + 8, 0x1234), writer));
        pushOut();

        AddressSpace runner = guest.newSpace();
        byte[] code = X86.concat(X86.movEbx(0), X86.INT_80);
        guest.memory.write(frame, code, 0, code.length);
        runner.map(CODE, frame, Access.READ_EXECUTE);
        for (int value = 1; value < 5; value++) {
            assertEquals(Trap.SYSCALL, guest.run(guest.thread(CODE, DATA + 1, value), writer));
            pushOut();
            X86CpuContext inRunner = guest.context(CODE);
            assertEquals(Trap.SYSCALL, guest.run(inRunner, runner));
            assertEquals(value, inRunner.argument(0), "the code stored last");
            pushOut();
        }
    }

    /**
     * A space that touches more pages than a kept table may hold grows its table at a flush (a
     * mapping changed while it runs); it is not kept, and what it finds when it returns is still
     * its own.
     */
    @Test
    void aSpaceWithATableLargerThanAnyKeptFindsItsOwnPagesWhenItReturns() {
        int pages = 1500;
        AddressSpace big = guest.newSpace();
        // Reads one word of each page from ESI up, ECX pages: mov (%esi),%eax; add $4096,%esi; dec %ecx; jnz; int $0x80.
        guest.code(big, CODE, new byte[] {(byte) 0x8B, 0x06, (byte) 0x81, (byte) 0xC6, 0x00, 0x10, 0x00, 0x00},
                X86.DEC_ECX, new byte[] {0x75, (byte) 0xF5}, X86.INT_80);
        long shared = guest.frame();
        for (int i = 0; i < pages; i++) {
            big.map(DATA + i * PAGE, shared, Access.READ);
        }
        AddressSpace small = guest.newSpace();
        reading(small, 7);
        guest.data(small, DATA, Access.READ);
        // Each round's flush may double the table (QEMU's resize): from 256 entries past 1024 in three.
        for (int round = 0; round < 5; round++) {
            guest.memory.writeWord(shared, round);
            assertEquals(Trap.SYSCALL, guest.run(guest.thread(CODE, 0, pages, 0, DATA), big));
            big.map(DATA + (pages - 1) * PAGE, shared, Access.READ_WRITE);
            assertEquals(Trap.SYSCALL, guest.run(guest.thread(CODE, 0, pages, 0, DATA), big));
            X86CpuContext inSmall = reader(DATA);
            assertEquals(Trap.SYSCALL, guest.run(inSmall, small));
            assertEquals(7, inSmall.argument(0));
            X86CpuContext again = (X86CpuContext) guest.thread(CODE, 0, pages, 0, DATA);
            assertEquals(Trap.SYSCALL, guest.run(again, big));
            assertEquals(round, again.register(X86CpuContext.EAX), "the last page's word, round " + round);
        }
    }
}
