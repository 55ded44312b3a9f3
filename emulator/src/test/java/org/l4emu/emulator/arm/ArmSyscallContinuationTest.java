package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.LeavingAtEverySyscall;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.TrapHandler;

/** The fast path: system calls handled inside the interrupt hook, and the CPU going on with the thread named. */
class ArmSyscallContinuationTest {
    /** r1 += 1, svc, loop: each thread counts its own system calls in r1. */
    private static final int[] COUNT_LOOP = {Arm.ADD_R1_R1_1, Arm.SVC_0, Arm.branch(-2)};
    /** Reads the word at r0 into r1, traps, and loops. */
    private static final int[] READ_LOOP = {Arm.LDR_R1_R0, Arm.SVC_0, Arm.branch(-2)};

    private final GuestMachine guest = new GuestMachine();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void handlerSwitchesBetweenThreadsOfOneSpaceWithoutLeavingTheRun() {
        AddressSpace space = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, COUNT_LOOP);
        ArmCpuContext a = guest.context(GuestMachine.CODE);
        ArmCpuContext b = guest.context(GuestMachine.CODE);
        b.setRegister(1, 1000);
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
        assertEquals(10 * 2 + 8 * 1, guest.machine.instructionsRetired(), "add and svc each, and the branches");
    }

    @Test
    void handlerSwitchesAddressSpacesAndEachThreadSeesItsOwnMemory() {
        AddressSpace[] spaces = {guest.newSpace(), guest.newSpace(), guest.newSpace()};
        long code = guest.arm(spaces[0], GuestMachine.CODE, READ_LOOP);
        ArmCpuContext[] threads = new ArmCpuContext[spaces.length];
        for (int i = 0; i < spaces.length; i++) {
            if (i > 0) {
                spaces[i].map(GuestMachine.CODE, code, Access.READ_EXECUTE);
            }
            guest.memory.writeWord(guest.data(spaces[i], GuestMachine.DATA, Access.READ), 0xA0 + i);
            threads[i] = guest.context(GuestMachine.CODE);
            threads[i].setRegister(0, GuestMachine.DATA);
        }
        List<Integer> seen = new ArrayList<>();
        int[] turn = {0};

        // Three spaces in turn: more than the CPU keeps cached, so each switch evicts one.
        Trap trap = guest.machine.run(threads[0], spaces[0], 100, (context, next) -> {
            seen.add(context.argument(1));
            if (seen.size() == 12) {
                return false;
            }
            turn[0] = (turn[0] + 1) % spaces.length;
            next.set(threads[turn[0]], spaces[turn[0]], 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(0xA0, 0xA1, 0xA2, 0xA0, 0xA1, 0xA2, 0xA0, 0xA1, 0xA2, 0xA0, 0xA1, 0xA2), seen);
    }

    @Test
    void sameThreadGoesOnWithTheResultsTheHandlerSet() {
        AddressSpace space = guest.newSpace();
        // r0 = result of the first call + r1; second call.
        guest.arm(space, GuestMachine.CODE, Arm.MOV_R1_22, Arm.SVC_0, Arm.ADD_R0_R0_R1, Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        List<Integer> arguments = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            arguments.add(context.argument(0));
            if (arguments.size() == 2) {
                return false;
            }
            context.setResult(0, 20);
            next.set(context, space, 100);
            return true;
        });

        assertEquals(Trap.HANDLED, trap);
        assertEquals(List.of(0, 42), arguments);
        assertEquals(GuestMachine.CODE + 16, thread.instructionPointer());
    }

    @Test
    void handlerSeesExactCountsAndTheNextBudgetIsExact() {
        AddressSpace space = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, Arm.NOP, Arm.NOP, Arm.SVC_0, Arm.NOP, Arm.NOP, Arm.NOP, Arm.NOP,
                Arm.NOP, Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        List<Long> counts = new ArrayList<>();

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            counts.add(guest.machine.instructionsRetired());
            next.set(context, space, 4);
            return true;
        });

        assertEquals(List.of(3L), counts, "the svc is counted when the handler runs");
        assertEquals(Trap.BUDGET_EXHAUSTED, trap);
        assertEquals(7, guest.machine.instructionsRetired());
        assertEquals(GuestMachine.CODE + 28, thread.instructionPointer());
    }

    @Test
    void aBudgetEndingOnTheSvcStillReachesTheHandler() {
        AddressSpace space = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, COUNT_LOOP);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        List<Long> counts = new ArrayList<>();

        // Budgets of exactly add + svc, then branch + add + svc: every call ends its budget.
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
        guest.arm(space, GuestMachine.CODE, COUNT_LOOP);
        guest.arm(space, GuestMachine.CODE + 0x1000, Arm.NOP, Arm.LDR_R1_R0);
        ArmCpuContext caller = guest.context(GuestMachine.CODE);
        ArmCpuContext faulting = guest.context(GuestMachine.CODE + 0x1000);
        faulting.setRegister(0, GuestMachine.DATA);

        Trap trap = guest.machine.run(caller, space, 100, (context, next) -> {
            next.set(faulting, space, 100);
            return true;
        });

        assertEquals(new Trap.PageFault(GuestMachine.DATA, Access.READ, GuestMachine.CODE + 0x1004), trap);
        assertEquals(GuestMachine.CODE + 0x1004, faulting.instructionPointer());
        assertEquals(GuestMachine.CODE + 8, caller.instructionPointer());
        assertEquals(2 + 1, guest.machine.instructionsRetired(), "the aborted load does not count");
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

    @Test
    void anExceptionFromTheHandlerIsRethrownAndTheMachineStaysUsable() {
        AddressSpace space = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, COUNT_LOOP);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
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
        guest.arm(space, GuestMachine.CODE, COUNT_LOOP);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        TrapHandler zeroBudget = (context, next) -> {
            next.set(context, space, 0);
            return true;
        };

        assertThrows(IllegalArgumentException.class, () -> guest.machine.run(thread, space, 100, zeroBudget));
        assertEquals(2, guest.machine.instructionsRetired());
        assertEquals(GuestMachine.CODE + 8, thread.instructionPointer());
    }

    @Test
    void aHandledRunLoadsTheHandlersChangesOnTheNextRun() {
        AddressSpace space = guest.newSpace();
        guest.arm(space, GuestMachine.CODE, Arm.SVC_0, Arm.ADD_R0_R0_R1, Arm.SVC_0);
        ArmCpuContext thread = guest.context(GuestMachine.CODE);
        thread.setRegister(1, 5);

        Trap trap = guest.machine.run(thread, space, 100, (context, next) -> {
            context.setResult(0, 37);
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
     * budget ends interleave; logged at every call. {@code inHook}: ArmMachine's run with a
     * handler; otherwise Machine's default, which leaves the emulator at every call.
     */
    private static List<String> pingPong(boolean inHook) {
        try (GuestMachine fresh = new GuestMachine()) {
            Machine machine = inHook ? fresh.machine : new LeavingAtEverySyscall(fresh.machine);
            AddressSpace first = fresh.newSpace();
            AddressSpace second = fresh.newSpace();
            long code = fresh.arm(first, GuestMachine.CODE, Arm.NOP, Arm.ADD_R0_R0_R1, Arm.SVC_0, Arm.branch(-3));
            second.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
            ArmCpuContext a = fresh.context(GuestMachine.CODE);
            ArmCpuContext b = fresh.context(GuestMachine.CODE);
            a.setRegister(1, 1);
            b.setRegister(1, 100);
            List<String> log = new ArrayList<>();
            ArmCpuContext[] running = {a};
            TrapHandler handler = (context, next) -> {
                log.add(context.registers() + " at " + machine.instructionsRetired());
                ArmCpuContext other = context == a ? b : a;
                other.setResult(0, context.argument(0));
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
