package org.l4emu.emulator;

/**
 * Handles system call traps inside {@link Machine#run}, so that the kernel can go on with the
 * same or another thread without leaving the emulator loop (the IPC fast path). Leaving and
 * re-entering the emulator costs more than a whole system call.
 */
@FunctionalInterface
public interface TrapHandler {
    /**
     * Called inside the trap when the thread of {@code context} executed the system call
     * instruction: its registers are saved in {@code context} (positioned after the
     * instruction) and {@link Machine#instructionsRetired()} counts everything up to it. The
     * handler handles the call and either sets {@code next} to the thread to run on (the same
     * or another, any address space) and its instruction budget (at least 1) and returns true,
     * or returns false: then {@link Machine#run} returns {@link Trap#HANDLED}.
     *
     * <p>It must not throw: an exception is caught by the machine, ends the run, and is
     * rethrown from {@link Machine#run}.
     */
    boolean handleSyscall(CpuContext context, Continuation next);

    /** Where the handler says how to go on; one instance is reused, so the fast path allocates nothing. */
    final class Continuation {
        private CpuContext context;
        private AddressSpace space;
        private long budget;

        public void set(CpuContext context, AddressSpace space, long budget) {
            this.context = context;
            this.space = space;
            this.budget = budget;
        }

        public CpuContext context() {
            return context;
        }

        public AddressSpace space() {
            return space;
        }

        public long budget() {
            return budget;
        }
    }
}
