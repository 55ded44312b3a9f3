package org.l4emu.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.debug.DebugPoints;
import org.l4emu.emulator.debug.RecordingProbe;

/** Debug hooks: code breakpoints stop before their instruction, watched accesses after theirs, with exact counts. */
@ParameterizedClass(name = "{0}")
@EnumSource(IsaFixture.class)
class DebugHooksContractTest extends ContractTest {
    private final AddressSpace space;
    private final Program sumLoop;
    private final int loopBody;

    DebugHooksContractTest(IsaFixture isa) {
        super(isa);
        this.space = guest.newSpace();
        this.sumLoop = Programs.sumLoop(isa);
        this.loopBody = Guest.CODE + sumLoop.offset(Programs.SUM_LOOP_BODY);
    }

    @Test
    @DisplayName("a code breakpoint stops before its instruction each time round a loop; the run retires what one without does")
    void codeBreakpointInALoop() {
        guest.code(space, Guest.CODE, sumLoop);
        CpuContext thread = guest.context(Guest.CODE);
        guest.machine.attachDebugProbe(new RecordingProbe(new DebugPoints(Set.of(loopBody), List.of()), space));

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(loopBody, thread.instructionPointer());
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(loopBody, thread.instructionPointer());
        assertEquals(5, guest.machine.instructionsRetired(), "one more time round: add, decrement, branch");
        Trap trap;
        int stops = 2;
        while ((trap = guest.run(thread, space)) == Trap.BUDGET_EXHAUSTED) {
            stops++;
        }
        assertEquals(Trap.SYSCALL, trap);
        assertEquals(100, stops);
        assertEquals(5050, thread.argument(0));
        assertEquals(Programs.SUM_LOOP_INSTRUCTIONS, guest.machine.instructionsRetired());
    }

    @Test
    @DisplayName("a watched store stops after it: memory holds the new value, the count includes it")
    void watchedStore() {
        long data = guest.data(space, Guest.DATA, Access.READ_WRITE);
        Program program = isa.assembler().move(1, 22).store(1, 0, 4).nop().syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.thread(Guest.CODE, Guest.DATA);
        RecordingProbe probe = new RecordingProbe(new DebugPoints(Set.of(),
                List.of(new DebugPoints.DataRange(Guest.DATA + 4, 4, false, true))), space);
        guest.machine.attachDebugProbe(probe);

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(Guest.CODE + program.offset(2), thread.instructionPointer());
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(22, guest.memory.readWord(data + 4));
        assertEquals(List.of(new RecordingProbe.Hit(thread, space, Guest.CODE + program.offset(1), Guest.DATA + 4,
                4, true, 22)), probe.hits());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(4, guest.machine.instructionsRetired());
    }

    @Test
    @DisplayName("a watched read stops after the reading instruction")
    void watchedRead() {
        long data = guest.data(space, Guest.DATA, Access.READ_WRITE);
        guest.memory.writeWord(data, 41);
        Program program = isa.assembler().load(1, 0).increment(1).syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.thread(Guest.CODE, Guest.DATA);
        guest.machine.attachDebugProbe(new RecordingProbe(new DebugPoints(Set.of(),
                List.of(new DebugPoints.DataRange(Guest.DATA, 4, true, false))), space));

        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
        assertEquals(Guest.CODE + program.offset(1), thread.instructionPointer());
        assertEquals(41, thread.argument(1));
        assertEquals(1, guest.machine.instructionsRetired());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(42, thread.argument(1));
    }

    @Test
    @DisplayName("hooks ask about the space running: the same address in another space does not stop")
    void otherSpacesRunFree() {
        AddressSpace other = guest.newSpace();
        guest.code(space, Guest.CODE, sumLoop);
        guest.code(other, Guest.CODE, sumLoop);
        guest.machine.attachDebugProbe(new RecordingProbe(new DebugPoints(Set.of(loopBody), List.of()), space));

        assertEquals(Trap.SYSCALL, guest.run(guest.context(Guest.CODE), other));
        assertEquals(Programs.SUM_LOOP_INSTRUCTIONS, guest.machine.instructionsRetired());
        assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(guest.context(Guest.CODE), space));
        assertEquals(Programs.SUM_LOOP_INSTRUCTIONS + 2, guest.machine.instructionsRetired());
    }

    @Test
    @DisplayName("detached, the hooks are gone")
    void detach() {
        guest.code(space, Guest.CODE, sumLoop);
        RecordingProbe probe = new RecordingProbe(new DebugPoints(Set.of(loopBody), List.of()), space);
        guest.machine.attachDebugProbe(probe);
        guest.machine.attachDebugProbe(null);

        assertEquals(Trap.SYSCALL, guest.run(guest.context(Guest.CODE), space));
        assertTrue(probe.hits().isEmpty());
    }
}
