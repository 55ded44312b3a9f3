package org.l4emu.tools.replay;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.TrapHandler;
import org.l4emu.emulator.debug.DebugProbe;

/**
 * The machine under a replayed kernel: the real one, with the replay's probe attached (code
 * breakpoints and watchpoints as engine hooks, so guest memory is never patched and a run that
 * stops at them retires exactly the instructions of one that does not), and physical memory that
 * reports the kernel's writes to the probe.
 */
final class DebugMachine implements Machine {
    private final Machine inner;
    private final WatchedMemory memory;

    DebugMachine(Machine inner, ReplayProbe probe) {
        this.inner = inner;
        this.memory = new WatchedMemory(inner.memory(), probe);
    }

    /** Physical memory without the kernel-write reports (for the debugger's own reads and writes). */
    PhysicalMemory unwatchedMemory() {
        return inner.memory();
    }

    @Override
    public Architecture architecture() {
        return inner.architecture();
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
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
    public Trap run(CpuContext context, AddressSpace space, long maxInstructions) {
        return inner.run(context, space, maxInstructions);
    }

    @Override
    public Trap run(CpuContext context, AddressSpace space, long maxInstructions, TrapHandler handler) {
        return inner.run(context, space, maxInstructions, handler);
    }

    @Override
    public void attachDebugProbe(DebugProbe probe) {
        inner.attachDebugProbe(probe);
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
