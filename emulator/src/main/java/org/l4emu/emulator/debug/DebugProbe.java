package org.l4emu.emulator.debug;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;

/**
 * A debugger's ears inside a running machine ({@link org.l4emu.emulator.Machine#attachDebugProbe}).
 * The machine calls it, inside the emulator, at the instructions and accesses its
 * {@link #points()} name, with the thread and address space running then (the same virtual
 * address means different code in different spaces). A stop it asks for ends the machine's run
 * early as an ordinary end of budget, with exact instruction counts: the guest sees nothing.
 *
 * <p>It must not throw, and must not ask to stop at the same instruction of the same thread
 * twice in a row, or a caller that goes on running would stop there for ever.
 */
public interface DebugProbe {
    /** Read when the probe is attached; attach it again after they change. */
    DebugPoints points();

    /** {@code thread} is about to execute the instruction at {@code address}; true stops before it. */
    boolean stopBefore(CpuContext thread, AddressSpace space, int address);

    /**
     * {@code thread}'s instruction at {@code instructionAddress} reads or writes
     * {@code [address, address + size)} (a write of {@code value}, not yet stored); true stops
     * right after that instruction.
     */
    boolean stopAfter(CpuContext thread, AddressSpace space, int instructionAddress, int address, int size,
                      boolean write, long value);
}
