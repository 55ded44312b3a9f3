package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;

/** What the tests of spaces keeping a TLB of their own ({@link SpaceTlbs}) share. */
final class OwnTlbs {
    private final GuestMachine guest;
    private final List<AddressSpace> others = new ArrayList<>();

    OwnTlbs(GuestMachine guest) {
        this.guest = guest;
    }

    /** Skips the test where the accelerator is not in use (switched off, or its check failed). */
    static void assumeActive() {
        assumeTrue(Accelerators.outcomes("arm").get(Accelerator.SPACE_TLBS).state() == Accelerators.State.ACTIVE,
                "spaces keep no TLB of their own here");
    }

    /**
     * Runs two other spaces in turns long enough for every other space to leave both TLBs (the
     * secure state's keeps its space until eight other entries passed, {@link ResidentSpaces}).
     */
    void pushOut() {
        if (others.isEmpty()) {
            for (int i = 0; i < 2; i++) {
                AddressSpace space = guest.newSpace();
                guest.arm(space, GuestMachine.CODE, Arm.SVC_0);
                others.add(space);
            }
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(Trap.SYSCALL, guest.run(guest.context(GuestMachine.CODE), others.get(i % 2)));
        }
    }
}
