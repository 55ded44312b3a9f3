package org.l4emu.emulator;

/** A machine with only {@link Machine}'s default run with a handler, which leaves the emulator at every system call. */
public record LeavingAtEverySyscall(Machine machine) implements Machine {
    @Override
    public Architecture architecture() {
        return machine.architecture();
    }

    @Override
    public PhysicalMemory memory() {
        return machine.memory();
    }

    @Override
    public AddressSpace createAddressSpace() {
        return machine.createAddressSpace();
    }

    @Override
    public CpuContext createContext(int entry, int stackPointer) {
        return machine.createContext(entry, stackPointer);
    }

    @Override
    public Trap run(CpuContext context, AddressSpace space, long maxInstructions) {
        return machine.run(context, space, maxInstructions);
    }

    @Override
    public long instructionsRetired() {
        return machine.instructionsRetired();
    }

    @Override
    public void flushCodeCache() {
        machine.flushCodeCache();
    }

    @Override
    public void close() {
    }
}
