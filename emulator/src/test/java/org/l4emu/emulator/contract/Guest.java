package org.l4emu.emulator.contract;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;

/** A machine with helpers to place code and data in address spaces, for the emulator's tests. */
public class Guest implements AutoCloseable {
    public static final int CODE = 0x0001_0000;
    public static final int DATA = 0x0002_0000;
    public static final int STACK_TOP = 0x0008_0000;
    public static final long MEMORY = 64L << 20;

    public final Machine machine;
    public final PhysicalMemory memory;
    private final IsaFixture isa;

    /** A machine of {@code isa}'s architecture as the factory opens it. */
    public Guest(IsaFixture isa) {
        this(isa, Machines.open(isa.architecture(), MEMORY));
    }

    protected Guest(IsaFixture isa, Machine machine) {
        this.isa = isa;
        this.machine = machine;
        this.memory = machine.memory();
    }

    public AddressSpace newSpace() {
        return machine.createAddressSpace();
    }

    public long frame() {
        try {
            return memory.allocateFrame();
        } catch (OutOfPhysicalMemoryException e) {
            throw new AssertionError(e);
        }
    }

    /** Puts {@code program} at {@code address} (page aligned) in a new read-execute page; returns its frame. */
    public long code(AddressSpace space, int address, Program program) {
        return code(space, address, program.code());
    }

    protected long code(AddressSpace space, int address, byte[] code) {
        long frame = frame();
        memory.write(frame, code, 0, code.length);
        space.map(address, frame, Access.READ_EXECUTE);
        return frame;
    }

    /** A new zeroed page with {@code rights} at {@code address}. */
    public long data(AddressSpace space, int address, Access rights) {
        long frame = frame();
        space.map(address, frame, rights);
        return frame;
    }

    public CpuContext context(int entry) {
        return machine.createContext(entry, STACK_TOP);
    }

    /** A thread at {@code entry} with {@code arguments} in its first argument registers. */
    public CpuContext thread(int entry, int... arguments) {
        CpuContext thread = context(entry);
        for (int i = 0; i < arguments.length; i++) {
            isa.setArgument(thread, i, arguments[i]);
        }
        return thread;
    }

    public Trap run(CpuContext context, AddressSpace space) {
        return machine.run(context, space, 1_000_000);
    }

    @Override
    public void close() {
        machine.close();
    }
}
