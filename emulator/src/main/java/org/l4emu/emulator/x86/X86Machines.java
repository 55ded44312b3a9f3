package org.l4emu.emulator.x86;

import org.l4emu.emulator.Machine;
import org.l4emu.emulator.PhysicalMemory;

/**
 * Opens the IA-32 machine this Unicorn can run best, chosen by what {@link PagingProbe} finds,
 * never by version: {@link X86Machine}, one engine with real page tables and system calls
 * handled inside the trap, where paging translates; {@link PooledMachine}, one engine per
 * address space, where it does not (Unicorn 2.0.1). Guests see the same on both.
 */
public final class X86Machines {
    /** Physical RAM when none is asked for: reserved, not committed, until the guest touches it. */
    public static final long DEFAULT_MEMORY_SIZE = 512L << 20;

    private X86Machines() {
    }

    public static Machine open() {
        return open(DEFAULT_MEMORY_SIZE);
    }

    /**
     * A machine with {@code memorySize} bytes of physical RAM at physical address 0.
     *
     * @throws org.l4emu.emulator.EmulatorUnavailableException when libunicorn2 is missing or
     *         its internals are not the ones l4emu knows
     */
    public static Machine open(long memorySize) {
        checkMemorySize(memorySize);
        return PagingProbe.result().translates() ? new X86Machine(memorySize) : new PooledMachine(memorySize);
    }

    /** True when {@link #open} gives the one-engine design. */
    public static boolean oneEngine() {
        return PagingProbe.result().translates();
    }

    /** The design {@link #open} gives on this engine, in a few words, for reports. */
    public static String design() {
        return oneEngine() ? "one engine for every address space, PAE page tables (paging translates)"
                : "one engine per address space (this engine's IA-32 paging does not translate)";
    }

    /** Throws {@link IllegalArgumentException} unless {@code memorySize} is whole frames of RAM below the machine's own pages. */
    static void checkMemorySize(long memorySize) {
        if (memorySize < 2 * PhysicalMemory.PAGE_SIZE || memorySize % PhysicalMemory.PAGE_SIZE != 0
                || memorySize > KernelLayout.RAM_LIMIT) {
            throw new IllegalArgumentException("memory size " + memorySize + " is not a multiple of 4 KiB in 8 KiB..0x"
                    + Long.toHexString(KernelLayout.RAM_LIMIT));
        }
    }
}
