package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Debug hooks on arm alone: Thumb code, If-Then blocks and stores that write their base back. */
class ArmDebugHooksTest {
    private final GuestMachine guest = new GuestMachine();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
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
    @DisplayName("a watched store with writeback stops after it: memory holds the new value, the base is written back")
    void watchedStoreWithWriteback() {
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
}
