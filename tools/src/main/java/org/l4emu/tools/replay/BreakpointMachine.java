package org.l4emu.tools.replay;

import java.util.IdentityHashMap;
import java.util.Map;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;

/**
 * A machine that stops at code breakpoints without single-stepping: the guest runs at full speed
 * until it executes a planted breakpoint, which comes back to the kernel as an ordinary end of
 * budget with the thread's PC on the breakpoint (so the kernel sees nothing unusual, and a run
 * with breakpoints retires exactly the instructions of one without). The next run of that thread
 * executes the original instruction before going on.
 */
public final class BreakpointMachine implements Machine {
    /** A thread arrived at a breakpoint: its registers and the breakpoint's address. */
    public record Hit(CpuContext context, int address) {}

    private final Machine inner;
    private final CodeBreakpoints breakpoints;
    /** Threads that stand on a breakpoint already reported (or resumed from): they execute it next. */
    private final Map<CpuContext, Integer> arrived = new IdentityHashMap<>();
    private Hit hit;

    public BreakpointMachine(Machine inner, CodeBreakpoints breakpoints) {
        this.inner = inner;
        this.breakpoints = breakpoints;
    }

    /** The breakpoint the last run stopped at, once; null when none. */
    public Hit takeHit() {
        Hit taken = hit;
        hit = null;
        return taken;
    }

    @Override
    public Trap run(CpuContext context, AddressSpace space, long maxInstructions) {
        long budget = maxInstructions;
        int pc = context.instructionPointer() & ~1;
        if (breakpoints.plantedAt(space, pc)) {
            Integer standing = arrived.remove(context);
            if (standing == null || standing != pc) {
                return arrive(context, pc);
            }
            Trap stepped = breakpoints.withOriginal(space, pc, () -> {
                inner.flushCodeCache();
                return inner.run(context, space, 1);
            });
            inner.flushCodeCache();
            if (!(stepped instanceof Trap.BudgetExhausted) || budget == 1) {
                return stepped;
            }
            budget--;
            if (breakpoints.plantedAt(space, context.instructionPointer())) {
                return arrive(context, context.instructionPointer() & ~1);
            }
        }
        Trap trap = inner.run(context, space, budget);
        if (trap instanceof Trap.CpuException exception && exception.kind() == Trap.Kind.BREAKPOINT
                && breakpoints.plantedAt(space, exception.instructionPointer())) {
            return arrive(context, exception.instructionPointer() & ~1);
        }
        return trap;
    }

    /** Marks a thread on a planted breakpoint as resuming from it, so that its next run executes it. */
    public void standingOn(CpuContext context, AddressSpace space) {
        int pc = context.instructionPointer() & ~1;
        if (breakpoints.plantedAt(space, pc)) {
            arrived.put(context, pc);
        }
    }

    private Trap arrive(CpuContext context, int address) {
        arrived.put(context, address);
        hit = new Hit(context, address);
        return Trap.BUDGET_EXHAUSTED;
    }

    @Override
    public Architecture architecture() {
        return inner.architecture();
    }

    @Override
    public PhysicalMemory memory() {
        return inner.memory();
    }

    @Override
    public AddressSpace createAddressSpace() {
        return inner.createAddressSpace();
    }

    @Override
    public CpuContext createContext(int entry, int stackPointer) {
        return inner.createContext(entry, stackPointer);
    }

    @Override
    public long instructionsRetired() {
        return inner.instructionsRetired();
    }

    @Override
    public void flushCodeCache() {
        inner.flushCodeCache();
    }

    @Override
    public void close() {
        inner.close();
    }
}
