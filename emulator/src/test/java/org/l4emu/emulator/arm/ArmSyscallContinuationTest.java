package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;

/** The fast path on arm alone: a thread switched to inside the trap goes on in its own instruction set state. */
class ArmSyscallContinuationTest {
    /** r1 += 1, svc, loop: each thread counts its own system calls in r1. */
    private static final int[] COUNT_LOOP = {Arm.ADD_R1_R1_1, Arm.SVC_0, Arm.branch(-2)};

    private final GuestMachine guest = new GuestMachine();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void aThumbThreadContinuesInThumbState() {
        AddressSpace space = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, COUNT_LOOP);
        guest.thumb(space, GuestMachine.CODE + 0x1000, 0, Thumb.MOVS_R0_11, Thumb.ADDS_R0_1, Thumb.SVC_0);
        ArmCpuContext arm = guest.context(GuestMachine.CODE);
        ArmCpuContext thumb = guest.context(GuestMachine.CODE + 0x1000 | 1);
        List<CpuContext> callers = new ArrayList<>();

        Trap trap = guest.machine.run(arm, space, 100, (context, next) -> {
            callers.add(context);
            if (context == thumb) {
                next.set(arm, space, 100);
            } else if (callers.size() == 1) {
                next.set(thumb, space, 100);
            } else {
                return false;
            }
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(arm, thumb, arm), callers);
        assertEquals(12, thumb.argument(0));
        assertEquals(GuestMachine.CODE + 0x1006 | 1, thumb.instructionPointer());
        assertEquals(2, arm.argument(1));
    }
}
