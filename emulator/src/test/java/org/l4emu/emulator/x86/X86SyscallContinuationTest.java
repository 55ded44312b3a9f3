package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.LeavingAtEverySyscall;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.TrapHandler;

/**
 * System calls handled by a {@link TrapHandler}: inside the interrupt hook on the one-engine
 * design, by leaving the emulator at each call on the engine-per-space one; the same results
 * either way.
 */
class X86SyscallContinuationTest {
    /** inc %ebx; int $0x80; loop: each thread counts its own system calls in ebx. */
    private static final byte[][] COUNT_LOOP = {X86.INC_EBX, X86.INT_80, X86.jmpShort(-5)};
    /** ecx = [ebx]; int $0x80; loop. */
    private static final byte[][] READ_LOOP = {X86.LOAD_ECX_FROM_EBX, X86.INT_80, X86.jmpShort(-6)};
    /** ebx = %gs:0; int $0x80; loop. */
    private static final byte[][] THREAD_POINTER_LOOP = {X86.MOV_GS0_TO_EBX, X86.INT_80, X86.jmpShort(-11)};

    private final X86Guest guest = new X86Guest();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void handlerSwitchesBetweenThreadsOfOneSpaceWithoutLeavingTheRun() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, COUNT_LOOP);
        X86CpuContext a = guest.context(X86Guest.CODE);
        X86CpuContext b = guest.context(X86Guest.CODE);
        b.setRegister(X86CpuContext.EBX, 1000);
        List<Integer> seen = new ArrayList<>();

        Trap trap = guest.machine.run(a, space, 100, (context, next) -> {
            seen.add(context.argument(0));
            if (seen.size() == 10) {
                return false;
            }
            next.set(context == a ? b : a, space, 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(1, 1001, 2, 1002, 3, 1003, 4, 1004, 5, 1005), seen);
        assertEquals(10 * 2 + 8 * 1, guest.machine.instructionsRetired(), "inc and int each, and the jumps");
    }

    @Test
    void spacesWithDifferentFramesAtOneAddressNeverSeeEachOtherAcrossSwitches() {
        AddressSpace[] spaces = {guest.newSpace(), guest.newSpace(), guest.newSpace()};
        long code = guest.code(spaces[0], X86Guest.CODE, READ_LOOP);
        X86CpuContext[] threads = new X86CpuContext[spaces.length];
        for (int i = 0; i < spaces.length; i++) {
            if (i > 0) {
                spaces[i].map(X86Guest.CODE, code, Access.READ_EXECUTE);
            }
            guest.memory.writeWord(guest.data(spaces[i], X86Guest.DATA, Access.READ), 0xA0 + i);
            threads[i] = reader(X86Guest.DATA);
        }
        List<Integer> seen = new ArrayList<>();
        int[] turn = {0};

        // In turn, then back and forth, then each several times: every switch pattern.
        int[] order = {0, 1, 2, 0, 1, 2, 1, 0, 1, 2, 2, 2, 0, 0, 1, 1, 0, 2};
        Trap trap = guest.machine.run(threads[0], spaces[0], 100, (context, next) -> {
            seen.add(context.argument(1));
            if (seen.size() == order.length) {
                return false;
            }
            turn[0] = order[seen.size()];
            next.set(threads[turn[0]], spaces[turn[0]], 100);
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
        guest.code(space, X86Guest.CODE, READ_LOOP);
        long[] frames = {guest.data(space, X86Guest.DATA, Access.READ), guest.frame(), guest.frame()};
        for (int i = 0; i < frames.length; i++) {
            guest.memory.writeWord(frames[i], 10 + i);
        }
        X86CpuContext thread = reader(X86Guest.DATA);
        List<Integer> seen = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            seen.add(context.argument(1));
            if (seen.size() > 4) {
                return false;
            } else if (seen.size() == 4) {
                space.unmap(X86Guest.DATA);
            } else {
                space.map(X86Guest.DATA, frames[seen.size() % frames.length], Access.READ);
            }
            next.set(context, space, 100);
            return true;
        });

        assertEquals(List.of(10, 11, 12, 10), seen);
        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.READ, X86Guest.CODE), trap);
    }

    @Test
    void eachThreadReadsItsOwnThreadPointerInEverySpace() {
        AddressSpace first = guest.newSpace();
        AddressSpace second = guest.newSpace();
        long code = guest.code(first, X86Guest.CODE, THREAD_POINTER_LOOP);
        second.map(X86Guest.CODE, code, Access.READ_EXECUTE);
        X86CpuContext[] threads = {guest.context(X86Guest.CODE), guest.context(X86Guest.CODE),
            guest.context(X86Guest.CODE)};
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

    @Test
    void sameThreadGoesOnWithTheResultsTheHandlerSet() {
        AddressSpace space = guest.newSpace();
        // ebx = result of the first call + ecx; second call.
        guest.code(space, X86Guest.CODE, X86.movEcx(22), X86.INT_80, X86.ADD_ECX_TO_EBX, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        List<Integer> arguments = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            arguments.add(context.argument(0));
            if (arguments.size() == 2) {
                return false;
            }
            context.setResult(1, 20);
            next.set(context, space, 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(0, 42), arguments);
        assertEquals(X86Guest.CODE + 11, thread.instructionPointer());
    }

    @Test
    void aThreadMovedByTheHandlerGoesOnWhereItWasMoved() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, X86.INT_80, X86.movEbx(1), X86.INT_80, X86.movEbx(2), X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        List<Integer> arguments = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            arguments.add(context.argument(0));
            if (arguments.size() == 2) {
                return false;
            }
            context.setInstructionPointer(X86Guest.CODE + 9);
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
        guest.code(space, X86Guest.CODE, X86.NOP, X86.NOP, X86.INT_80, X86.NOP, X86.NOP, X86.NOP, X86.NOP, X86.NOP,
                X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        List<Long> counts = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            counts.add(guest.machine.instructionsRetired());
            next.set(context, space, 4);
            return true;
        });

        assertEquals(List.of(3L), counts, "the int $0x80 is counted when the handler runs");
        assertEquals(Trap.BUDGET_EXHAUSTED, trap);
        assertEquals(7, guest.machine.instructionsRetired());
        assertEquals(X86Guest.CODE + 8, thread.instructionPointer());
    }

    @Test
    void aBudgetEndingOnTheInt80StillReachesTheHandler() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, COUNT_LOOP);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        List<Long> counts = new ArrayList<>();

        // Budgets of exactly inc + int, then jmp + inc + int: every call ends its budget.
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
        assertEquals(4, thread.argument(0));
    }

    @Test
    void aTrapAfterASwitchIsReportedForTheThreadRunningThen() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, COUNT_LOOP);
        guest.code(space, X86Guest.CODE + 0x1000, X86.NOP, X86.LOAD_ECX_FROM_EBX);
        X86CpuContext caller = guest.context(X86Guest.CODE);
        X86CpuContext faulting = reader(X86Guest.DATA);
        faulting.setInstructionPointer(X86Guest.CODE + 0x1000);

        Trap trap = guest.machine.run(caller, space, 100, (context, next) -> {
            next.set(faulting, space, 100);
            return true;
        });

        assertEquals(new Trap.PageFault(X86Guest.DATA, Access.READ, X86Guest.CODE + 0x1001), trap);
        assertEquals(X86Guest.CODE + 0x1001, faulting.instructionPointer());
        assertEquals(X86Guest.CODE + 3, caller.instructionPointer());
        assertEquals(2 + 1, guest.machine.instructionsRetired(), "the faulting load does not count");
    }

    @Test
    void anExceptionFromTheHandlerIsRethrownAndTheMachineStaysUsable() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, COUNT_LOOP);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        IllegalStateException thrown = new IllegalStateException("kernel bug");

        IllegalStateException caught = assertThrows(IllegalStateException.class,
                () -> guest.machine.run(thread, space, 100, (context, next) -> {
                    throw thrown;
                }));

        assertSame(thrown, caught);
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.argument(0));
        assertEquals(5, guest.machine.instructionsRetired());
    }

    @Test
    void aBadContinuationIsRethrownWithoutRunningAnything() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, COUNT_LOOP);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        TrapHandler zeroBudget = (context, next) -> {
            next.set(context, space, 0);
            return true;
        };

        assertThrows(IllegalArgumentException.class, () -> guest.machine.run(thread, space, 100, zeroBudget));
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(X86Guest.CODE + 3, thread.instructionPointer());
    }

    @Test
    void aHandledRunLoadsTheHandlersChangesOnTheNextRun() {
        AddressSpace space = guest.newSpace();
        guest.code(space, X86Guest.CODE, X86.INT_80, X86.ADD_ECX_TO_EBX, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        thread.setRegister(X86CpuContext.ECX, 5);

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            context.setResult(1, 37);
            return false;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(1, guest.machine.instructionsRetired());
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(42, thread.argument(0));
        assertEquals(3, guest.machine.instructionsRetired());
    }

    @Test
    void inTheHookAndLeavingTheEmulatorGiveTheSameCallsRegistersAndCounts() {
        assertEquals(pingPong(false), pingPong(true));
    }

    /**
     * Two threads in two spaces hand a sum back and forth in budgets of 3, so that calls and
     * budget ends interleave; logged at every call. {@code inHook}: the machine's own run with a
     * handler; otherwise Machine's default, which leaves the emulator at every call.
     */
    private static List<String> pingPong(boolean inHook) {
        try (X86Guest fresh = new X86Guest()) {
            Machine machine = inHook ? fresh.machine : new LeavingAtEverySyscall(fresh.machine);
            AddressSpace first = fresh.newSpace();
            AddressSpace second = fresh.newSpace();
            long code = fresh.code(first, X86Guest.CODE, X86.NOP, X86.ADD_ECX_TO_EBX, X86.INT_80, X86.jmpShort(-6));
            second.map(X86Guest.CODE, code, Access.READ_EXECUTE);
            X86CpuContext a = fresh.context(X86Guest.CODE);
            X86CpuContext b = fresh.context(X86Guest.CODE);
            a.setRegister(X86CpuContext.ECX, 1);
            b.setRegister(X86CpuContext.ECX, 100);
            List<String> log = new ArrayList<>();
            X86CpuContext[] running = {a};
            TrapHandler handler = (context, next) -> {
                log.add(context.registers() + " at " + machine.instructionsRetired());
                X86CpuContext other = context == a ? b : a;
                other.setResult(1, context.argument(0));
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

    private X86CpuContext reader(int address) {
        X86CpuContext thread = guest.context(X86Guest.CODE);
        thread.setRegister(X86CpuContext.EBX, address);
        return thread;
    }
}
