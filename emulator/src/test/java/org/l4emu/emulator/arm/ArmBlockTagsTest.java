package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;
import org.l4emu.emulator.spacetlb.BlockTags;

/**
 * Each space's translated code tagged with a cluster index of its own ({@link BlockTags}): the
 * jump cache keeps a leaving space's blocks, so nothing a space finds there may be another's.
 */
class ArmBlockTagsTest {
    /** Where the spaces under test run: the fillers run elsewhere and leave this PC's slot alone. */
    private static final int SHARED_PC = GuestMachine.CODE;
    private static final int FILLER_PC = 0x0002_0000;
    /** Indexes given before they are given again ({@link BlockTags}). */
    private static final int INDEXES = 254;

    private GuestMachine guest;

    @BeforeEach
    void open() {
        guest = new GuestMachine();
        assumeTrue(Accelerators.outcomes("arm").get(Accelerator.BLOCK_TAGS).state() == Accelerators.State.ACTIVE,
                "translated code is not tagged here");
    }

    @AfterEach
    void close() {
        guest.close();
    }

    /**
     * Once every index was given, the next space's index was another's before: the block that
     * space left at a PC must not run for the one that has its index now (the jump cache is
     * emptied when the numbering starts again).
     */
    @Test
    void anIndexGivenAgainFindsNoneOfTheCodeOfTheSpaceThatHadItBefore() {
        AddressSpace returning = spaceRunning(SHARED_PC, 1); // index 1
        spaceRunning(FILLER_PC, 0); // index 2
        spaceRunning(SHARED_PC, 3); // index 3: its block stays in the shared PC's slot
        for (int index = 4; index <= INDEXES + 2; index++) {
            spaceRunning(FILLER_PC, 0); // the last two get indexes 1 and 2 again
        }
        assertEquals(1, ran(returning, SHARED_PC), "the space that comes back with index 3 ran another's code");
    }

    /** A new space whose code at {@code pc} puts {@code number} in r0, run once. */
    private AddressSpace spaceRunning(int pc, int number) {
        AddressSpace space = guest.newSpace();
        guest.arm(space, pc, Arm.movR0(number), Arm.SVC_0);
        assertEquals(number, ran(space, pc));
        return space;
    }

    private int ran(AddressSpace space, int pc) {
        ArmCpuContext thread = guest.context(pc);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        return thread.argument(0);
    }
}
