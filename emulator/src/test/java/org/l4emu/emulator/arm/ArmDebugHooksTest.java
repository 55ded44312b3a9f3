package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.debug.DebugPoints;
import org.l4emu.emulator.debug.RecordingProbe;

/** Debug hooks on the arm machine: code breakpoints stop before, watched accesses after, with exact counts. */
class ArmDebugHooksTest {
    /** r0 = 1 + ... + 100, then the svc: 2 + 300 instructions and the svc. */
    private static final int[] SUM_LOOP = {
        Arm.MOV_R0_0, Arm.MOV_R1_100, Arm.ADD_R0_R0_R1, Arm.SUBS_R1_R1_1, Arm.BNE_MINUS_2, Arm.SVC_0
    };
    private static final int LOOP_ADD = GuestMachine.CODE + 8;

    private final GuestMachine guest = new GuestMachine();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    @DisplayName("a code breakpoint stops before its instruction each time round a loop; the run retires what one without does")
    void codeBreakpointInALoop() {
        guest.arm(space, GuestMachine.CODE, SUM_LOOP);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        RecordingProbe probe = new RecordingProbe(new DebugPoints(Set.of(LOOP_ADD), List.of()), space);
        guest.machine.attachDebugProbe(probe);

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(LOOP_ADD, thread.instructionPointer());
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(LOOP_ADD, thread.instructionPointer());
        assertEquals(5, guest.machine.instructionsRetired(), "one more time round: add, subs, bne");
        Trap trap;
        int stops = 2;
        while ((trap = guest.run(thread, space)) == Trap.BUDGET_EXHAUSTED) {
            stops++;
        }
        assertEquals(Trap.SYSCALL, trap);
        assertEquals(100, stops);
        assertEquals(5050, thread.argument(0));
        assertEquals(2 + 300 + 1, guest.machine.instructionsRetired());
    }

    @Test
    @DisplayName("a breakpoint in Thumb code stops before its instruction")
    void thumbBreakpoint() {
        guest.thumb(space, GuestMachine.CODE, 0, Thumb.MOVS_R0_11, Thumb.ADDS_R0_1, Thumb.ADDS_R0_1, Thumb.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE | 1);
        int second = GuestMachine.CODE + 4;
        guest.machine.attachDebugProbe(new RecordingProbe(new DebugPoints(Set.of(second), List.of()), space));

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(second | 1, thread.instructionPointer());
        assertEquals(12, thread.register(0));
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(13, thread.argument(0));
        assertEquals(4, guest.machine.instructionsRetired());
    }

    @Test
    @DisplayName("inside a Thumb If-Then block, which Unicorn runs as a unit, a breakpoint stops after the block; counts as without it")
    void breakpointInsideAnIfThenBlock() {
        int ldrne = GuestMachine.CODE + 8;
        int adds = GuestMachine.CODE + 10;
        long plain;
        try (GuestMachine other = new GuestMachine()) {
            AddressSpace otherSpace = other.newSpace();
            assertEquals(Trap.SYSCALL, other.run(ifThenProgram(other, otherSpace), otherSpace));
            plain = other.machine.instructionsRetired();
        }
        ArmCpuContext thread = ifThenProgram(guest, space);
        guest.machine.attachDebugProbe(new RecordingProbe(new DebugPoints(Set.of(ldrne), List.of()), space));

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(adds | 1, thread.instructionPointer());
        assertEquals(0x1234, thread.register(1));
        assertEquals(plain - 2, guest.machine.instructionsRetired(), "all but adds and svc");
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(12, thread.argument(0));
        assertEquals(plain, guest.machine.instructionsRetired());
    }

    /** movs r0, 11; cmp r0, 0; ite eq; ldreq r1, [r2]; ldrne r1, [r3]; adds r0, 1; svc 0. */
    private static ArmCpuContext ifThenProgram(GuestMachine machine, AddressSpace in) {
        long data = machine.data(in, GuestMachine.DATA, Access.READ_WRITE);
        machine.memory.writeWord(data, 0x1234);
        machine.thumb(in, GuestMachine.CODE, 0, Thumb.MOVS_R0_11, Thumb.CMP_R0_0, Thumb.ITE_EQ, Thumb.LDR_R1_R2,
                Thumb.LDR_R1_R3, Thumb.ADDS_R0_1, Thumb.SVC_0);
        ArmCpuContext thread = machine.context(GuestMachine.CODE | 1);
        thread.setRegister(2, GuestMachine.DATA);
        thread.setRegister(3, GuestMachine.DATA);
        return thread;
    }

    @Test
    @DisplayName("a watched store stops after it: memory holds the new value, the base is written back, the count includes it")
    void watchedStore() {
        long data = guest.data(space, GuestMachine.DATA, Access.READ_WRITE);
        guest.arm(space, GuestMachine.CODE, Arm.MOV_R1_22, Arm.LDR_R1_R0, Arm.MOV_R1_22, Arm.STR_R1_R0_4_WRITEBACK, Arm.NOP,
                Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        thread.setRegister(0, GuestMachine.DATA);
        RecordingProbe probe = new RecordingProbe(new DebugPoints(Set.of(),
                List.of(new DebugPoints.DataRange(GuestMachine.DATA + 4, 4, false, true))), space);
        guest.machine.attachDebugProbe(probe);

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(GuestMachine.CODE + 16, thread.instructionPointer());
        assertEquals(4, guest.machine.instructionsRetired());
        assertEquals(22, guest.memory.readWord(data + 4));
        assertEquals(GuestMachine.DATA + 4, thread.register(0), "str r1, [r0, #4]! completed");
        assertEquals(List.of(new RecordingProbe.Hit(thread, space, GuestMachine.CODE + 12, GuestMachine.DATA + 4,
                4, true, 22)), probe.hits());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(6, guest.machine.instructionsRetired());
    }

    @Test
    @DisplayName("hooks ask about the space running: the same address in another space does not stop")
    void otherSpacesRunFree() {
        AddressSpace other = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, SUM_LOOP);
        guest.arm(other, GuestMachine.CODE, SUM_LOOP);
        guest.machine.attachDebugProbe(new RecordingProbe(new DebugPoints(Set.of(LOOP_ADD), List.of()), space));

        assertEquals(Trap.SYSCALL, guest.run(guest.context(GuestMachine.CODE), other));
        assertEquals(303, guest.machine.instructionsRetired());
        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(guest.context(GuestMachine.CODE), space));
        assertEquals(305, guest.machine.instructionsRetired());
    }

    @Test
    @DisplayName("detached, the hooks are gone")
    void detach() {
        guest.arm(space, GuestMachine.CODE, SUM_LOOP);
        RecordingProbe probe = new RecordingProbe(new DebugPoints(Set.of(LOOP_ADD), List.of()), space);
        guest.machine.attachDebugProbe(probe);
        guest.machine.attachDebugProbe(null);

        assertEquals(Trap.SYSCALL, guest.run(guest.context(GuestMachine.CODE), space));
        assertTrue(probe.hits().isEmpty());
    }
}
