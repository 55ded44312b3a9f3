package org.l4emu.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;

/** Page faults and CPU exceptions: reported at the instruction, not counted, and resumable. */
@ParameterizedClass(name = "{0}")
@EnumSource(IsaFixture.class)
class FaultContractTest extends ContractTest {
    private final AddressSpace space;

    FaultContractTest(IsaFixture isa) {
        super(isa);
        this.space = guest.newSpace();
    }

    @Test
    void readOfUnmappedPageFaultsAtTheLoadAndResumesOnceMapped() {
        guest.code(space, Guest.CODE, isa.assembler().load(1, 0).syscall().program());
        CpuContext thread = guest.thread(Guest.CODE, Guest.DATA + 0x124);

        assertEquals(new Trap.PageFault(Guest.DATA + 0x124, Access.READ, Guest.CODE), guest.run(thread, space));
        assertEquals(Guest.CODE, thread.instructionPointer());
        assertEquals(0, guest.machine.instructionsRetired(), "the faulting load is not counted");

        long frame = guest.data(space, Guest.DATA, Access.READ);
        guest.memory.writeWord(frame + 0x124, 0xCAFE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(0xCAFE, thread.argument(1));
        assertEquals(2, guest.machine.instructionsRetired());
    }

    @Test
    void writeToReadOnlyPageFaultsAsWriteAndSucceedsOnceWritable() {
        Program program = isa.assembler().load(1, 0).increment(1).store(1, 0, 0).syscall().program();
        guest.code(space, Guest.CODE, program);
        long frame = guest.data(space, Guest.DATA, Access.READ);
        guest.memory.writeWord(frame + 8, 41);
        CpuContext thread = guest.thread(Guest.CODE, Guest.DATA + 8);

        assertEquals(new Trap.PageFault(Guest.DATA + 8, Access.WRITE, Guest.CODE + program.offset(2)),
                guest.run(thread, space));
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(41, guest.memory.readWord(frame + 8));

        space.map(Guest.DATA, frame, Access.READ_WRITE);
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(42, guest.memory.readWord(frame + 8));
        assertEquals(4, guest.machine.instructionsRetired());
    }

    @Test
    void unmappedWriteIsAWriteFault() {
        guest.code(space, Guest.CODE, isa.assembler().store(1, 0, 4).syscall().program());
        CpuContext thread = guest.thread(Guest.CODE, 0x0003_0000);

        assertEquals(new Trap.PageFault(0x0003_0004, Access.WRITE, Guest.CODE), guest.run(thread, space));
    }

    @Test
    void writeOrExecuteRightsImplyRead() {
        guest.code(space, Guest.CODE, isa.assembler().load(1, 0).load(3, 2).syscall().program());
        guest.memory.writeWord(guest.data(space, Guest.DATA, Access.WRITE), 7);
        guest.memory.writeWord(guest.data(space, Guest.DATA + 0x1000, Access.EXECUTE), 9);
        CpuContext thread = guest.thread(Guest.CODE, Guest.DATA, 0, Guest.DATA + 0x1000);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(7, thread.argument(1));
        assertEquals(9, thread.argument(3));
        assertEquals(Access.WRITE, space.rights(Guest.DATA), "the rights as asked for");
    }

    @Test
    void executingAnUnmappedPageFaultsAtItsAddressAndRunsOnceMapped() {
        CpuContext thread = guest.context(0x0004_0000);

        assertEquals(new Trap.PageFault(0x0004_0000, Access.EXECUTE, 0x0004_0000), guest.run(thread, space));
        assertEquals(0, guest.machine.instructionsRetired());

        guest.code(space, 0x0004_0000, isa.assembler().move(0, 2).syscall().program());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(0));
        assertEquals(2, guest.machine.instructionsRetired());
    }

    @Test
    void aThreadAtAddressZeroFaultsThereAndRunsOnceItIsMapped() {
        CpuContext thread = guest.context(0);

        assertEquals(new Trap.PageFault(0, Access.EXECUTE, 0), guest.run(thread, space));
        guest.code(space, 0, isa.assembler().move(0, 3).syscall().program());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(3, thread.argument(0));
        assertEquals(2, guest.machine.instructionsRetired());
    }

    @Test
    void executingAPageWithoutExecuteRightsIsAnExecuteFaultStartedOrJumpedTo() {
        long data = guest.data(space, Guest.DATA, Access.READ_WRITE);
        byte[] code = isa.assembler().syscall().program().code();
        guest.memory.write(data, code, 0, code.length);
        guest.code(space, Guest.CODE, isa.assembler().jumpTo(0).program());

        assertEquals(new Trap.PageFault(Guest.DATA, Access.EXECUTE, Guest.DATA), guest.run(guest.context(Guest.DATA), space));
        assertEquals(new Trap.PageFault(Guest.DATA, Access.EXECUTE, Guest.DATA),
                guest.run(guest.thread(Guest.CODE, Guest.DATA), space));
        assertEquals(1, guest.machine.instructionsRetired(), "the jump");
    }

    @Test
    void userAccessToKernelAddressesFaults() {
        guest.code(space, Guest.CODE, isa.assembler().load(1, 0).syscall().program());

        assertEquals(new Trap.PageFault(0xC000_0000, Access.READ, Guest.CODE),
                guest.run(guest.thread(Guest.CODE, 0xC000_0000), space));
    }

    @Test
    void undefinedInstructionTrapsAtItAndIsNotCounted() {
        Program program = isa.assembler().nop().undefined().syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.context(Guest.CODE);
        int undefined = Guest.CODE + program.offset(1);

        assertEquals(new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, undefined, undefined),
                guest.run(thread, space));
        assertEquals(undefined, thread.instructionPointer());
        assertEquals(1, guest.machine.instructionsRetired());
    }

    @Test
    void breakpointTrapsAtIt() {
        Program program = isa.assembler().nop().breakpoint().syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.context(Guest.CODE);
        int breakpoint = Guest.CODE + program.offset(1);

        assertEquals(new Trap.CpuException(Trap.Kind.BREAKPOINT, breakpoint, breakpoint), guest.run(thread, space));
        assertEquals(breakpoint, thread.instructionPointer());
        assertEquals(1, guest.machine.instructionsRetired());
    }
}
