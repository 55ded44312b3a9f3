package org.l4emu.emulator;

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
