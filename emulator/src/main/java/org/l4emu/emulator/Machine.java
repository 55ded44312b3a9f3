package org.l4emu.emulator;

import org.l4emu.emulator.debug.DebugProbe;

/**
 * An emulated computer: one CPU, physical memory and MMU. It runs one guest thread's user-mode
 * code at a time in one address space until that code traps. It knows nothing of L4: the kernel
 * above it decides what traps mean.
 *
 * <p>Not thread safe: one host thread drives a machine.
 */
public interface Machine extends AutoCloseable {
    Architecture architecture();

    PhysicalMemory memory();

    AddressSpace createAddressSpace();

    /** A fresh user-mode register set starting at {@code entry} (arm: bit 0 = Thumb) with the given stack pointer. */
    CpuContext createContext(int entry, int stackPointer);

    /**
     * Runs the thread whose registers are {@code context} in {@code space} for at most
     * {@code maxInstructions} instructions (at least 1) and saves its registers back into
     * {@code context}. Returns why it stopped.
     */
    Trap run(CpuContext context, AddressSpace space, long maxInstructions);

    /**
     * As {@link #run(CpuContext, AddressSpace, long)}, but system calls go to {@code handler}
     * inside the trap, which may continue with another thread without leaving the emulator; the
     * run then ends with the trap of whichever thread runs last (never {@link Trap.Syscall}:
     * a system call the handler ended the run on is {@link Trap#HANDLED}). The instruction
     * budget of each thread is the one its continuation gave.
     */
    default Trap run(CpuContext context, AddressSpace space, long maxInstructions, TrapHandler handler) {
        // Correct for any machine: leaves the emulator at every system call. Machines override
        // it to continue inside the trap.
        return runLeavingAtSyscalls(this, context, space, maxInstructions, handler);
    }

    /**
     * {@link #run(CpuContext, AddressSpace, long, TrapHandler)} through plain runs of
     * {@code machine}: each system call leaves the emulator, and {@code handler} takes it there.
     */
    static Trap runLeavingAtSyscalls(Machine machine, CpuContext context, AddressSpace space, long maxInstructions,
            TrapHandler handler) {
        TrapHandler.Continuation next = new TrapHandler.Continuation();
        CpuContext running = context;
        AddressSpace runningSpace = space;
        long budget = maxInstructions;
        while (true) {
            Trap trap = machine.run(running, runningSpace, budget);
            if (!(trap instanceof Trap.Syscall)) {
                return trap;
            }
            if (!handler.handleSyscall(running, next)) {
                return Trap.HANDLED;
            }
            running = next.context();
            runningSpace = next.space();
            budget = next.budget();
        }
    }

    /**
     * Attaches a debugger's probe: from now on the machine hooks the instructions and data its
     * points name and ends a run early, as {@link Trap.BudgetExhausted} with exact instruction
     * counts, where the probe asks it to stop (nothing the guest can see). Attach the probe again
     * after its points change; {@code null} detaches it. Machines without hooks refuse.
     */
    default void attachDebugProbe(DebugProbe probe) {
        throw new UnsupportedOperationException("this " + architecture().xmlName() + " machine has no debug hooks");
    }

    /** Instructions retired by every {@link #run} so far; exact, and the basis of virtual time. */
    long instructionsRetired();

    /**
     * Drops every translated block so that code written to physical memory directly
     * (bypassing the CPU) is fetched anew.
     */
    void flushCodeCache();

    /** Frees the emulator and all its memory. */
    @Override
    void close();
}
