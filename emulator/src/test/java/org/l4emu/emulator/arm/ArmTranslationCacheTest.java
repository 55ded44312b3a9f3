package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CPU caches two address spaces at once (one per security state, see {@link ArmCpu}):
 * isolation and mapping changes must hold whichever of the two a space sits in, and when a
 * third space evicts one.
 */
class ArmTranslationCacheTest {
    /** Reads the word at r0 into r1, traps, loops. */
    private static final int[] READ_LOOP = {Arm.LDR_R1_R0, Arm.SVC_0, Arm.branch(-2)};

    private final GuestMachine guest = new GuestMachine();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void threeSpacesInRotationEachSeeOnlyTheirOwnPage() {
        List<AddressSpace> spaces = new ArrayList<>();
        List<ArmCpuContext> threads = new ArrayList<>();
        long code = guest.frame();
        guest.writeArm(code, READ_LOOP);
        for (int i = 0; i < 3; i++) {
            AddressSpace space = guest.newSpace();
            space.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
            guest.memory.writeWord(guest.data(space, GuestMachine.DATA, Access.READ), 0x100 + i);
            ArmCpuContext thread = guest.context(GuestMachine.CODE);
            thread.setRegister(0, GuestMachine.DATA);
            spaces.add(space);
            threads.add(thread);
        }
        int[] order = {0, 1, 2, 0, 1, 0, 2, 2, 1, 0, 2, 1, 1, 0, 0, 2};
        for (int i : order) {
            assertEquals(Trap.SYSCALL, guest.run(threads.get(i), spaces.get(i)));
            assertEquals(0x100 + i, threads.get(i).argument(1), "space " + i);
        }
    }

    @Test
    void spacesWithDifferentCodeAtTheSameAddressRunTheirOwnCode() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        guest.arm(a, GuestMachine.CODE, Arm.MOV_R0_1, Arm.SVC_0, Arm.branch(-2));
        guest.arm(b, GuestMachine.CODE, Arm.MOV_R0_2, Arm.SVC_0, Arm.branch(-2));
        ArmCpuContext inA = guest.context(GuestMachine.CODE);
        ArmCpuContext inB = guest.context(GuestMachine.CODE);

        for (int i = 0; i < 5; i++) {
            assertEquals(Trap.SYSCALL, guest.run(inA, a));
            assertEquals(1, inA.argument(0));
            assertEquals(Trap.SYSCALL, guest.run(inB, b));
            assertEquals(2, inB.argument(0));
        }
    }

    @Test
    void freedCodeFrameIsRetranslatedWhicheverStateRanIt() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        long frameA = guest.arm(a, GuestMachine.CODE, Arm.MOV_R0_1, Arm.SVC_0);
        long frameB = guest.arm(b, GuestMachine.CODE, Arm.MOV_R0_1, Arm.SVC_0);
        assertEquals(Trap.SYSCALL, guest.run(guest.context(GuestMachine.CODE), a));
        assertEquals(Trap.SYSCALL, guest.run(guest.context(GuestMachine.CODE), b));

        for (AddressSpace space : List.of(a, b)) {
            long frame = space == a ? frameA : frameB;
            space.unmap(GuestMachine.CODE);
            guest.memory.freeFrames(frame, 1);
            assertEquals(frame, guest.arm(space, GuestMachine.CODE, Arm.MOV_R0_2, Arm.SVC_0));
            ArmCpuContext thread = guest.context(GuestMachine.CODE);
            assertEquals(Trap.SYSCALL, guest.run(thread, space));
            assertEquals(2, thread.argument(0));
        }
    }

    @Test
    void unmapInTheCachedButInactiveSpaceTakesEffect() {
        AddressSpace a = guest.newSpace();
        AddressSpace b = guest.newSpace();
        long code = guest.arm(a, GuestMachine.CODE, READ_LOOP);
        b.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
        guest.data(a, GuestMachine.DATA, Access.READ);
        guest.data(b, GuestMachine.DATA, Access.READ);
        ArmCpuContext inA = guest.context(GuestMachine.CODE);
        ArmCpuContext inB = guest.context(GuestMachine.CODE);
        inA.setRegister(0, GuestMachine.DATA);
        inB.setRegister(0, GuestMachine.DATA);
        assertEquals(Trap.SYSCALL, guest.run(inA, a));
        assertEquals(Trap.SYSCALL, guest.run(inB, b));

        a.unmap(GuestMachine.DATA);
        assertEquals(Trap.SYSCALL, guest.run(inB, b), "b keeps its page");
        assertEquals(new Trap.PageFault(GuestMachine.DATA, Access.READ, GuestMachine.CODE), guest.run(inA, a));
    }

    @Test
    void manyChangedPagesAreAllInvalidated() {
        AddressSpace space = guest.newSpace();
        // ldr r1, [r0]; add r0, r0, #4096 twenty times, then svc.
        int[] loop = new int[41];
        for (int i = 0; i < 20; i++) {
            loop[2 * i] = Arm.LDR_R1_R0;
            loop[2 * i + 1] = Arm.ADD_R0_R0_4096;
        }
        loop[40] = Arm.SVC_0;
        guest.arm(space, GuestMachine.CODE, loop);
        for (int i = 0; i < 20; i++) {
            guest.data(space, GuestMachine.DATA + i * 4096, Access.READ);
        }
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        thread.setRegister(0, GuestMachine.DATA);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));

        for (int i = 0; i < 20; i++) {
            space.unmap(GuestMachine.DATA + i * 4096);
        }
        ArmCpuContext again = guest.context(GuestMachine.CODE);
        again.setRegister(0, GuestMachine.DATA + 19 * 4096);
        assertEquals(new Trap.PageFault(GuestMachine.DATA + 19 * 4096, Access.READ, GuestMachine.CODE),
                guest.run(again, space));
    }

    @Test
    void everyTrapBehavesTheSameInEitherCachedSpace() {
        AddressSpace first = guest.newSpace();
        AddressSpace second = guest.newSpace();
        assertEquals(trapSequence(first), trapSequence(second));
    }

    /** Runs one of each trap kind in {@code space} and describes what came back. */
    private String trapSequence(AddressSpace space) {
        guest.arm(space, GuestMachine.CODE, Arm.MRC_TPIDRURO_R0, Arm.SVC_0, Arm.LDR_R1_R0, Arm.STR_R1_R0_4,
                Arm.YIELD, Arm.WFI, Arm.UDF_0, Arm.BKPT_5, Arm.LDREX_R1_R0, Arm.NOP, Arm.NOP, Arm.BX_R0);
        guest.data(space, GuestMachine.DATA, Access.READ);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        thread.setThreadPointer(GuestMachine.DATA + 0x200);
        StringBuilder trace = new StringBuilder();
        trace.append(guest.run(thread, space)).append(thread.registers()).append('\n');
        thread.setRegister(0, GuestMachine.DATA + 0x200);
        trace.append(guest.run(thread, space)).append('\n');
        trace.append(guest.run(thread, space)).append('\n');
        space.map(GuestMachine.DATA, space.translate(GuestMachine.DATA), Access.READ_WRITE);
        trace.append(guest.run(thread, space)).append('\n');
        thread.setInstructionPointer(thread.instructionPointer() + 4);
        trace.append(guest.run(thread, space)).append('\n');
        thread.setInstructionPointer(thread.instructionPointer() + 4);
        thread.setRegister(0, GuestMachine.DATA + 2);
        trace.append(guest.run(thread, space)).append('\n');
        thread.setInstructionPointer(thread.instructionPointer() + 4);
        thread.setRegister(0, 0x0070_0000);
        trace.append(guest.machine.run(thread, space, 2)).append(thread.registers()).append('\n');
        trace.append(guest.run(thread, space)).append('\n');
        return trace.toString();
    }

    /**
     * QEMU's pages are 1 KiB on arm, and a page flush drops the jump-cache slots of that 1 KiB
     * (and the one before) only: code in the rest of a 4 KiB page that moved must not run from
     * the frame mapped there before, in the space running or the one cached beside it.
     */
    @Test
    void codeAnywhereInAPageMovedWhileItsSpaceIsCachedRunsFromTheNewFrame() {
        for (int offset = 0; offset < 4096; offset += 1024) {
            for (boolean beside : new boolean[] {false, true}) {
                AddressSpace space = guest.newSpace();
                AddressSpace other = guest.newSpace();
                guest.arm(other, GuestMachine.CODE, Arm.SVC_0);
                long before = guest.frame();
                guest.writeArm(before + offset, Arm.movR0(1), Arm.SVC_0);
                space.map(GuestMachine.CODE, before, Access.READ_EXECUTE);
                assertEquals(1, ranAt(space, GuestMachine.CODE + offset));
                if (beside) {
                    assertEquals(Trap.SYSCALL, guest.run(guest.context(GuestMachine.CODE), other));
                }
                long after = guest.frame();
                guest.writeArm(after + offset, Arm.movR0(2), Arm.SVC_0);
                space.map(GuestMachine.CODE, after, Access.READ_EXECUTE);
                assertEquals(2, ranAt(space, GuestMachine.CODE + offset),
                        "code at +0x" + Integer.toHexString(offset) + (beside ? " (cached beside)" : " (running)"));
            }
        }
    }

    private int ranAt(AddressSpace space, int pc) {
        ArmCpuContext thread = guest.context(pc);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        return thread.argument(0);
    }
}
