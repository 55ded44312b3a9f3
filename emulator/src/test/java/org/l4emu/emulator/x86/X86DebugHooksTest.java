package org.l4emu.emulator.x86;

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

/** Debug hooks on x86 alone: an instruction that reads and writes memory is one watched access. */
class X86DebugHooksTest {
    /** mov $DATA, %ebx; mov $3, %ecx; loop: incl (%ebx); dec %ecx; jnz loop; int $0x80. */
    private static final byte[][] INCREMENT_LOOP = {X86.movEbx(X86Guest.DATA), X86.movEcx(3), X86.INC_DWORD_AT_EBX,
        X86.DEC_ECX, X86.JNZ_BACK_5, X86.INT_80};
    private static final int LOOP = X86Guest.CODE + 10;

    private final X86Guest guest = new X86Guest();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    @DisplayName("a watched read-modify-write stops after it, having written once")
    void watchedIncrement() {
        long data = guest.data(space, X86Guest.DATA, Access.READ_WRITE);
        guest.code(space, X86Guest.CODE, INCREMENT_LOOP);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        RecordingProbe probe = new RecordingProbe(new DebugPoints(Set.of(),
                List.of(new DebugPoints.DataRange(X86Guest.DATA, 4, false, true))), space);
        guest.machine.attachDebugProbe(probe);

        for (int round = 1; round <= 3; round++) {
            assertEquals(Trap.BUDGET_EXHAUSTED, guest.run(thread, space));
            assertEquals(LOOP + 2, thread.instructionPointer(), "after the incl");
            assertEquals(2 + 1 + 3 * (round - 1), guest.machine.instructionsRetired());
            assertEquals(round, guest.memory.readWord(data), "incremented once");
        }
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2 + 9 + 1, guest.machine.instructionsRetired());
        assertEquals(3, probe.hits().size());
        assertEquals(new RecordingProbe.Hit(thread, space, LOOP, X86Guest.DATA, 4, true, 3), probe.hits().get(2));
    }
}
