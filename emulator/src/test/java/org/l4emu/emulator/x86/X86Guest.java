package org.l4emu.emulator.x86;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;

/**
 * An x86 machine with helpers to place hand-assembled code and data in address spaces: the
 * design this Unicorn runs best ({@link X86Machines}), so that running the tests with each
 * library covers both, or the engine-per-space design on any library ({@link #pooled()}).
 */
final class X86Guest implements AutoCloseable {
    static final int CODE = 0x0001_0000;
    static final int DATA = 0x0002_0000;
    static final int STACK_TOP = 0x0008_0000;
    private static final long MEMORY = 64L << 20;

    final Machine machine;
    final PhysicalMemory memory;

    X86Guest() {
        this(X86Machines.open(MEMORY));
    }

    private X86Guest(Machine machine) {
        this.machine = machine;
        this.memory = machine.memory();
    }

    /** A guest on the engine-per-space design, whatever the library. */
    static X86Guest pooled() {
        return new X86Guest(new PooledMachine(MEMORY));
    }

    /** The machine as the engine-per-space design (for guests made by {@link #pooled()}). */
    PooledMachine pooledMachine() {
        return (PooledMachine) machine;
    }

    AddressSpace newSpace() {
        return machine.createAddressSpace();
    }

    long frame() {
        try {
            return memory.allocateFrame();
        } catch (OutOfPhysicalMemoryException e) {
            throw new AssertionError(e);
        }
    }

    /** Puts {@code instructions} at {@code address} (page aligned) in a new read-execute page. */
    long code(AddressSpace space, int address, byte[]... instructions) {
        long frame = frame();
        byte[] code = X86.concat(instructions);
        memory.write(frame, code, 0, code.length);
        space.map(address, frame, Access.READ_EXECUTE);
        return frame;
    }

    /** A new zeroed page with {@code rights} at {@code address}. */
    long data(AddressSpace space, int address, Access rights) {
        long frame = frame();
        space.map(address, frame, rights);
        return frame;
    }

    X86CpuContext context(int entry) {
        return (X86CpuContext) machine.createContext(entry, STACK_TOP);
    }

    Trap run(CpuContext context, AddressSpace space) {
        return machine.run(context, space, 1_000_000);
    }

    @Override
    public void close() {
        machine.close();
    }
}
