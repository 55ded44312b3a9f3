package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.spacetlb.SpaceTlbs;

/**
 * Hostile cases for spaces that keep a TLB of their own ({@link SpaceTlbs}): translated code
 * that crosses a page, and code frames that become writable in a space while its table is
 * kept; spaces destroyed while their table is installed or kept are SpaceTlbsContractTest's.
 */
class ArmSpaceTlbsAttackTest {
    private static final int PAGE = 4096;

    private GuestMachine guest;
    private OwnTlbs ownTlbs;

    @BeforeEach
    void open() {
        guest = new GuestMachine();
        OwnTlbs.assumeActive();
        ownTlbs = new OwnTlbs(guest);
    }

    @AfterEach
    void close() {
        guest.close();
    }

    /**
     * One block runs from the end of a page both spaces share into the next page, which each
     * maps to its own frame: the jump cache finds blocks by PC alone, so the other space's block
     * must not be found there, nor through the physical hash (its second page differs).
     */
    @Test
    void aBlockRunningIntoTheNextPageRunsThatPageOfItsOwnSpace() {
        long shared = guest.frame();
        guest.writeArm(shared + PAGE - 8, Arm.NOP, Arm.NOP);
        List<AddressSpace> spaces = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            AddressSpace space = guest.newSpace();
            space.map(GuestMachine.CODE, shared, Access.READ_EXECUTE);
            guest.arm(space, GuestMachine.CODE + PAGE, Arm.movR0(i), Arm.SVC_0);
            spaces.add(space);
        }
        for (int round = 0; round < 6; round++) {
            int i = round % 2;
            ArmCpuContext thread = guest.context(GuestMachine.CODE + PAGE - 8);
            assertEquals(Trap.SYSCALL, guest.run(thread, spaces.get(i)));
            assertEquals(i + 1, thread.argument(0), "round " + round + ": the second page of space " + i);
            ownTlbs.pushOut();
        }
    }

    /**
     * A space ran code from a frame and left with its table kept; then the frame is mapped
     * writable into it as well (a new mapping, which does not count as a change). Code it stores
     * there must run: its kept table must not let the store skip QEMU's code check.
     */
    @Test
    void codeMappedWritableIntoAKeptSpaceRunsAsItWritesIt() {
        AddressSpace space = guest.newSpace();
        int alias = GuestMachine.DATA;
        int code = GuestMachine.CODE + PAGE;
        guest.arm(space, GuestMachine.CODE, Arm.STR_R1_R0_4, Arm.SVC_0);
        long frame = guest.arm(space, code, Arm.movR0(1), Arm.SVC_0);
        guest.data(space, GuestMachine.DATA + PAGE, Access.READ_WRITE);
        ArmCpuContext runner = guest.context(code);
        assertEquals(Trap.SYSCALL, guest.run(runner, space));
        assertEquals(1, runner.argument(0));
        ownTlbs.pushOut();

        space.map(alias, frame, Access.READ_WRITE);
        for (int value = 2; value < 6; value++) {
            ArmCpuContext writer = guest.context(GuestMachine.CODE);
            writer.setRegister(0, alias - 4);
            writer.setRegister(1, Arm.movR0(value));
            assertEquals(Trap.SYSCALL, guest.run(writer, space));
            runner = guest.context(code);
            assertEquals(Trap.SYSCALL, guest.run(runner, space));
            assertEquals(value, runner.argument(0), "the code stored last, in the same visit");
            ownTlbs.pushOut();
        }
    }
}
