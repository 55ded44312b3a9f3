package org.l4emu.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;

/**
 * Spaces that keep a TLB of their own ({@code spacetlb.SpaceTlbs}), on each machine where they
 * do: what does not depend on the instruction set. The machines' own tests (ArmSpaceTlbsTest,
 * X86SpaceTlbsTest and their attack tests) have the rest.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(IsaFixture.class)
class SpaceTlbsContractTest extends ContractTest {

    SpaceTlbsContractTest(IsaFixture isa) {
        super(isa);
        Accelerators.Outcome outcome = Accelerators.outcomes(isa.architecture().xmlName()).get(Accelerator.SPACE_TLBS);
        assumeTrue(outcome != null && outcome.state() == Accelerators.State.ACTIVE, "spaces keep no TLB of their own here");
    }

    /**
     * Spaces destroyed while their tables are installed or kept, their frames handed to new
     * spaces: the host must not crash, and the new spaces see their own pages.
     */
    @Test
    void spacesDestroyedWhileTheirTablesAreInstalledOrKeptLeaveNothingBehind() {
        for (int round = 0; round < 40; round++) {
            List<AddressSpace> spaces = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                AddressSpace space = guest.newSpace();
                guest.code(space, Guest.CODE, Programs.readLoop(isa));
                long data = guest.data(space, Guest.DATA, Access.READ_WRITE);
                guest.memory.writeWord(data, round * 16 + i);
                spaces.add(space);
            }
            for (int step = 0; step < 6; step++) {
                int i = step % 3;
                CpuContext thread = guest.thread(Guest.CODE, Guest.DATA);
                assertEquals(Trap.SYSCALL, guest.run(thread, spaces.get(i)));
                assertEquals(round * 16 + i, thread.argument(1), "round " + round + " space " + i);
            }
            for (AddressSpace space : spaces) {
                long code = space.translate(Guest.CODE);
                long data = space.translate(Guest.DATA);
                space.unmap(Guest.CODE);
                space.unmap(Guest.DATA);
                space.destroy();
                guest.memory.freeFrames(code, 1);
                guest.memory.freeFrames(data, 1);
            }
        }
    }
}
