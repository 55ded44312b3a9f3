package org.l4emu.emulator.physical;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;

/**
 * A window {@code [base, base + size)} of guest physical memory backed by host memory that the
 * CPU emulator also maps, with its own frame allocator. Accesses outside the window throw
 * {@link IndexOutOfBoundsException}. Writes bypass the emulator's self-modifying-code tracking.
 */
public final class NativePhysicalMemory implements PhysicalMemory {
    private final MemorySegment whole;
    private final long base;
    private final long size;
    private final MemorySegment window;
    private final FrameAllocator allocator;
    private final FrameScrubber scrubber;

    /**
     * @param whole    host memory for physical addresses from 0
     * @param firstAllocatable lowest frame the allocator may hand out (lets physical address 0
     *                 never be a frame, so that 0 can never be mistaken for one)
     */
    public NativePhysicalMemory(MemorySegment whole, long base, long size, long firstAllocatable, FrameScrubber scrubber) {
        if (base < 0 || size <= 0 || base + size > whole.byteSize()) {
            throw new IllegalArgumentException("window 0x" + Long.toHexString(base) + "+0x" + Long.toHexString(size)
                    + " outside host memory of 0x" + Long.toHexString(whole.byteSize()));
        }
        this.whole = whole;
        this.base = base;
        this.size = size;
        this.window = whole.asSlice(base, size);
        this.allocator = new FrameAllocator(Math.max(base, firstAllocatable), base + size);
        this.scrubber = scrubber;
    }

    @Override
    public long size() {
        return size;
    }

    /** Lowest physical address of this memory. */
    public long base() {
        return base;
    }

    @Override
    public long allocateFrames(int count, int alignment) throws OutOfPhysicalMemoryException {
        return allocator.allocate(count, alignment);
    }

    @Override
    public void freeFrames(long address, int count) {
        allocator.free(address, count);
        scrubber.zero(address, (long) count * PAGE_SIZE);
    }

    @Override
    public long allocatedFrames() {
        return allocator.allocatedFrames();
    }

    @Override
    public int readWord(long address) {
        return window.get(ValueLayout.JAVA_INT_UNALIGNED, address - base);
    }

    @Override
    public void writeWord(long address, int value) {
        window.set(ValueLayout.JAVA_INT_UNALIGNED, address - base, value);
    }

    @Override
    public byte readByte(long address) {
        return window.get(ValueLayout.JAVA_BYTE, address - base);
    }

    @Override
    public void writeByte(long address, byte value) {
        window.set(ValueLayout.JAVA_BYTE, address - base, value);
    }

    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        MemorySegment.copy(window, ValueLayout.JAVA_BYTE, address - base, destination, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        MemorySegment.copy(source, offset, window, ValueLayout.JAVA_BYTE, address - base, length);
    }

    @Override
    public void copy(long from, long to, int length) {
        MemorySegment.copy(window, from - base, window, to - base, length);
    }

    @Override
    public void zero(long address, long length) {
        window.asSlice(address - base, length).fill((byte) 0);
    }

    /** The host memory of physical {@code [address, address + length)}, for the emulator's own use. */
    public MemorySegment hostSlice(long address, long length) {
        if (address < base || address + length > base + size) {
            throw new IndexOutOfBoundsException("0x" + Long.toHexString(address) + " outside this memory");
        }
        return whole.asSlice(address, length);
    }
}
