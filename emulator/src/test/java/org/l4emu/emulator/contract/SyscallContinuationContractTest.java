package org.l4emu.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.LeavingAtEverySyscall;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.TrapHandler;

/**
 * System calls handled by a {@link TrapHandler}: inside the trap where the machine can (the
 * fast path), going on with whichever thread the handler names; the same results as leaving the
 * emulator at every call.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(IsaFixture.class)
class SyscallContinuationContractTest extends ContractTest {

    SyscallContinuationContractTest(IsaFixture isa) {
        super(isa);
    }

    @Test
    void handlerSwitchesBetweenThreadsOfOneSpaceWithoutLeavingTheRun() {
        AddressSpace space = guest.newSpace();
        guest.code(space, Guest.CODE, Programs.countLoop(isa));
        CpuContext a = guest.context(Guest.CODE);
        CpuContext b = guest.thread(Guest.CODE, 0, 1000);
        List<Integer> seen = new ArrayList<>();

        Trap trap = guest.machine.run(a, space, 100, (context, next) -> {
            seen.add(context.argument(1));
            if (seen.size() == 10) {
                return false;
            }
            next.set(context == a ? b : a, space, 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(1, 1001, 2, 1002, 3, 1003, 4, 1004, 5, 1005), seen);
        assertEquals(10 * 2 + 8 * 1, guest.machine.instructionsRetired(), "increment and call each, and the jumps");
    }

    @Test
    void spacesWithDifferentFramesAtOneAddressNeverSeeEachOtherAcrossSwitches() {
        AddressSpace[] spaces = {guest.newSpace(), guest.newSpace(), guest.newSpace()};
        long code = guest.code(spaces[0], Guest.CODE, Programs.readLoop(isa));
        CpuContext[] threads = new CpuContext[spaces.length];
        for (int i = 0; i < spaces.length; i++) {
            if (i > 0) {
                spaces[i].map(Guest.CODE, code, Access.READ_EXECUTE);
            }
            guest.memory.writeWord(guest.data(spaces[i], Guest.DATA, Access.READ), 0xA0 + i);
            threads[i] = guest.thread(Guest.CODE, Guest.DATA);
        }
        List<Integer> seen = new ArrayList<>();

        // In turn (three spaces: more than an arm CPU keeps cached), then back and forth, then
        // each several times: every switch pattern.
        int[] order = {0, 1, 2, 0, 1, 2, 1, 0, 1, 2, 2, 2, 0, 0, 1, 1, 0, 2};
        Trap trap = guest.machine.run(threads[0], spaces[0], 100, (context, next) -> {
            seen.add(context.argument(1));
            if (seen.size() == order.length) {
                return false;
            }
            int turn = order[seen.size()];
            next.set(threads[turn], spaces[turn], 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        List<Integer> expected = new ArrayList<>();
        for (int i : order) {
            expected.add(0xA0 + i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void aMappingChangedByTheHandlerIsSeenByTheThreadItContinues() {
        AddressSpace space = guest.newSpace();
        guest.code(space, Guest.CODE, Programs.readLoop(isa));
        long[] frames = {guest.data(space, Guest.DATA, Access.READ), guest.frame(), guest.frame()};
        for (int i = 0; i < frames.length; i++) {
            guest.memory.writeWord(frames[i], 10 + i);
        }
        CpuContext thread = guest.thread(Guest.CODE, Guest.DATA);
        List<Integer> seen = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            seen.add(context.argument(1));
            if (seen.size() > 4) {
                return false;
            } else if (seen.size() == 4) {
                space.unmap(Guest.DATA);
            } else {
                space.map(Guest.DATA, frames[seen.size() % frames.length], Access.READ);
            }
            next.set(context, space, 100);
            return true;
        });

        assertEquals(List.of(10, 11, 12, 10), seen);
        assertEquals(new Trap.PageFault(Guest.DATA, Access.READ, Guest.CODE), trap);
    }

    @Test
    void eachThreadReadsItsOwnThreadPointerInEverySpace() {
        AddressSpace first = guest.newSpace();
        AddressSpace second = guest.newSpace();
        long code = guest.code(first, Guest.CODE, isa.assembler().readThreadPointer(0).syscall().jump(0).program());
        second.map(Guest.CODE, code, Access.READ_EXECUTE);
        CpuContext[] threads = {guest.context(Guest.CODE), guest.context(Guest.CODE), guest.context(Guest.CODE)};
        AddressSpace[] spaces = {first, first, second};
        for (int i = 0; i < threads.length; i++) {
            threads[i].setThreadPointer(0x1000 * (i + 1));
        }
        List<Integer> seen = new ArrayList<>();

        Trap trap = guest.machine.run(threads[0], first, 100, (context, next) -> {
            seen.add(context.argument(0));
            if (seen.size() == 9) {
                return false;
            }
            int following = seen.size() % threads.length;
            next.set(threads[following], spaces[following], 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(0x1000, 0x2000, 0x3000, 0x1000, 0x2000, 0x3000, 0x1000, 0x2000, 0x3000), seen);
    }

    /**
     * Three spaces, more than arm's two security states hold, so that entering one swaps a state's
     * translation table and thread pointer (TTBR0 and TPIDRURO written with it): each thread must
     * read its own thread pointer and its own space's data, in every order of switches.
     */
    @Test
    void eachThreadReadsItsOwnThreadPointerAndDataWhenSpacesTakeTurns() {
        AddressSpace[] spaces = {guest.newSpace(), guest.newSpace(), guest.newSpace()};
        long code = guest.code(spaces[0], Guest.CODE, isa.assembler().readThreadPointer(0).load(1, 2).syscall().jump(0)
                .program());
        for (int i = 0; i < spaces.length; i++) {
            if (i > 0) {
                spaces[i].map(Guest.CODE, code, Access.READ_EXECUTE);
            }
            long data = guest.data(spaces[i], Guest.DATA, Access.READ_WRITE);
            guest.memory.writeWord(data, 0xDA7A_0000 + i);
        }
        int[] order = {0, 1, 2, 3, 0, 2, 1, 3, 3, 2, 0, 1, 2, 1};
        CpuContext[] threads = new CpuContext[4];
        AddressSpace[] threadSpaces = {spaces[0], spaces[1], spaces[2], spaces[0]};
        for (int i = 0; i < threads.length; i++) {
            threads[i] = guest.thread(Guest.CODE, 0, 0, Guest.DATA);
            threads[i].setThreadPointer(0x1000 * (i + 1));
        }
        List<String> seen = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int thread : order) {
            int space = thread == 3 ? 0 : thread;
            expected.add(Integer.toHexString(0x1000 * (thread + 1)) + "/" + Integer.toHexString(0xDA7A_0000 + space));
        }

        Trap trap = guest.machine.run(threads[order[0]], threadSpaces[order[0]], 100, (context, next) -> {
            seen.add(Integer.toHexString(context.argument(0)) + "/" + Integer.toHexString(context.argument(1)));
            if (seen.size() == order.length) {
                return false;
            }
            int following = order[seen.size()];
            next.set(threads[following], threadSpaces[following], 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(expected, seen);
    }

    @Test
    void sameThreadGoesOnWithTheResultsTheHandlerSet() {
        AddressSpace space = guest.newSpace();
        // Argument 0 = result of the first call + argument 1; second call.
        Program program = isa.assembler().move(1, 22).syscall().add(0, 1).syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.context(Guest.CODE);
        List<Integer> arguments = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            arguments.add(context.argument(0));
            if (arguments.size() == 2) {
                return false;
            }
            context.setResult(isa.resultInArgument(0), 20);
            next.set(context, space, 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(0, 42), arguments);
        assertEquals(Guest.CODE + program.offset(4), thread.instructionPointer());
    }

    @Test
    void aThreadMovedByTheHandlerGoesOnWhereItWasMoved() {
        AddressSpace space = guest.newSpace();
        Program program = isa.assembler().syscall().move(0, 1).syscall().move(0, 2).syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.context(Guest.CODE);
        List<Integer> arguments = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            arguments.add(context.argument(0));
            if (arguments.size() == 2) {
                return false;
            }
            context.setInstructionPointer(Guest.CODE + program.offset(3));
            next.set(context, space, 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(0, 2), arguments);
        assertEquals(3, guest.machine.instructionsRetired());
    }

    @Test
    void handlerSeesExactCountsAndTheNextBudgetIsExact() {
        AddressSpace space = guest.newSpace();
        Program program = isa.assembler().nop().nop().syscall().nop().nop().nop().nop().nop().syscall().program();
        guest.code(space, Guest.CODE, program);
        CpuContext thread = guest.context(Guest.CODE);
        List<Long> counts = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            counts.add(guest.machine.instructionsRetired());
            next.set(context, space, 4);
            return true;
        });

        assertEquals(List.of(3L), counts, "the call is counted when the handler runs");
        assertEquals(Trap.BUDGET_EXHAUSTED, trap);
        assertEquals(7, guest.machine.instructionsRetired());
        assertEquals(Guest.CODE + program.offset(7), thread.instructionPointer());
    }

    @Test
    void aBudgetEndingOnTheCallStillReachesTheHandler() {
        AddressSpace space = guest.newSpace();
        guest.code(space, Guest.CODE, Programs.countLoop(isa));
        CpuContext thread = guest.context(Guest.CODE);
        List<Long> counts = new ArrayList<>();

        // Budgets of exactly increment + call, then jump + increment + call: every call ends its budget.
        Trap trap = guest.machine.run(thread, space, 2, (context, next) -> {
            counts.add(guest.machine.instructionsRetired());
            if (counts.size() == 4) {
                return false;
            }
            next.set(context, space, 3);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(2L, 5L, 8L, 11L), counts);
        assertEquals(4, thread.argument(1));
    }

    @Test
    void aTrapAfterASwitchIsReportedForTheThreadRunningThen() {
        AddressSpace space = guest.newSpace();
        Program loop = Programs.countLoop(isa);
        Program load = isa.assembler().nop().load(1, 0).program();
        guest.code(space, Guest.CODE, loop);
        guest.code(space, Guest.CODE + 0x1000, load);
        CpuContext caller = guest.context(Guest.CODE);
        CpuContext faulting = guest.thread(Guest.CODE + 0x1000, Guest.DATA);

        Trap trap = guest.machine.run(caller, space, 100, (context, next) -> {
            next.set(faulting, space, 100);
            return true;
        });

        int atLoad = Guest.CODE + 0x1000 + load.offset(1);
        assertEquals(new Trap.PageFault(Guest.DATA, Access.READ, atLoad), trap);
        assertEquals(atLoad, faulting.instructionPointer());
        assertEquals(Guest.CODE + loop.offset(2), caller.instructionPointer());
        assertEquals(2 + 1, guest.machine.instructionsRetired(), "the faulting load does not count");
    }

    @Test
    void anExceptionFromTheHandlerIsRethrownAndTheMachineStaysUsable() {
        AddressSpace space = guest.newSpace();
        guest.code(space, Guest.CODE, Programs.countLoop(isa));
        CpuContext thread = guest.context(Guest.CODE);
        IllegalStateException thrown = new IllegalStateException("kernel bug");

        IllegalStateException caught = assertThrows(IllegalStateException.class,
                () -> guest.machine.run(thread, space, 100, (context, next) -> {
                    throw thrown;
                }));

        assertSame(thrown, caught);
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(1));
        assertEquals(5, guest.machine.instructionsRetired());
    }

    @Test
    void aBadContinuationIsRethrownWithoutRunningAnything() {
        AddressSpace space = guest.newSpace();
        Program loop = Programs.countLoop(isa);
        guest.code(space, Guest.CODE, loop);
        CpuContext thread = guest.context(Guest.CODE);
        TrapHandler zeroBudget = (context, next) -> {
            next.set(context, space, 0);
            return true;
        };

        assertThrows(IllegalArgumentException.class, () -> guest.machine.run(thread, space, 100, zeroBudget));
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(Guest.CODE + loop.offset(2), thread.instructionPointer());
    }

    @Test
    void aHandledRunLoadsTheHandlersChangesOnTheNextRun() {
        AddressSpace space = guest.newSpace();
        guest.code(space, Guest.CODE, isa.assembler().syscall().add(0, 1).syscall().program());
        CpuContext thread = guest.thread(Guest.CODE, 0, 5);

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            context.setResult(isa.resultInArgument(0), 37);
            return false;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(1, guest.machine.instructionsRetired());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(42, thread.argument(0));
        assertEquals(3, guest.machine.instructionsRetired());
    }

    @Test
    void inTheTrapAndLeavingTheEmulatorGiveTheSameCallsRegistersAndCounts() {
        assertEquals(pingPong(false), pingPong(true));
    }

    /**
     * Two threads in two spaces hand a sum back and forth in budgets of 3, so that calls and
     * budget ends interleave; logged at every call. {@code inTrap}: the machine's own run with a
     * handler; otherwise Machine's default, which leaves the emulator at every call.
     */
    private List<String> pingPong(boolean inTrap) {
        try (Guest fresh = new Guest(isa)) {
            Machine machine = inTrap ? fresh.machine : new LeavingAtEverySyscall(fresh.machine);
            AddressSpace first = fresh.newSpace();
            AddressSpace second = fresh.newSpace();
            long code = fresh.code(first, Guest.CODE, isa.assembler().nop().add(0, 1).syscall().jump(0).program());
            second.map(Guest.CODE, code, Access.READ_EXECUTE);
            CpuContext a = fresh.thread(Guest.CODE, 0, 1);
            CpuContext b = fresh.thread(Guest.CODE, 0, 100);
            List<String> log = new ArrayList<>();
            CpuContext[] running = {a};
            TrapHandler handler = (context, next) -> {
                log.add(context.registers() + " at " + machine.instructionsRetired());
                CpuContext other = context == a ? b : a;
                other.setResult(isa.resultInArgument(0), context.argument(0));
                running[0] = other;
                next.set(other, other == a ? first : second, 3);
                return log.size() % 10 != 0;
            };
            while (log.size() < 60) {
                Trap trap = machine.run(running[0], running[0] == a ? first : second, 3, handler);
                log.add(trap + " at " + machine.instructionsRetired());
            }
            return log;
        }
    }
}
