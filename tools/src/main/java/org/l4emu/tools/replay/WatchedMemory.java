package org.l4emu.tools.replay;

import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;

/**
 * Physical memory as the kernel of a replay sees it: every write (a UTCB word, a copied message,
 * a zeroed page) is reported to the probe, which checks it against the watchpoints. Guest
 * instructions write through the emulator, not through here; their watched accesses are hooks.
 */
final class WatchedMemory implements PhysicalMemory {
    private final PhysicalMemory inner;
    private final ReplayProbe probe;

    WatchedMemory(PhysicalMemory inner, ReplayProbe probe) {
        this.inner = inner;
        this.probe = probe;
    }

    @Override
    public long size() {
        return inner.size();
    }

    @Override
    public long allocateFrames(int count, int alignment) throws OutOfPhysicalMemoryException {
        return inner.allocateFrames(count, alignment);
    }

    @Override
    public void freeFrames(long address, int count) {
        inner.freeFrames(address, count);
    }

    @Override
    public long allocatedFrames() {
        return inner.allocatedFrames();
    }

    @Override
    public int readWord(long address) {
        return inner.readWord(address);
    }

    @Override
    public void writeWord(long address, int value) {
        inner.writeWord(address, value);
        probe.kernelWrote(address, Integer.BYTES);
    }

    @Override
    public byte readByte(long address) {
        return inner.readByte(address);
    }

    @Override
    public void writeByte(long address, byte value) {
        inner.writeByte(address, value);
        probe.kernelWrote(address, 1);
    }

    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        inner.read(address, destination, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        inner.write(address, source, offset, length);
        probe.kernelWrote(address, length);
    }

    @Override
    public void copy(long from, long to, int length) {
        inner.copy(from, to, length);
        probe.kernelWrote(to, length);
    }

    @Override
    public void zero(long address, long length) {
        inner.zero(address, length);
        probe.kernelWrote(address, length);
    }
}
