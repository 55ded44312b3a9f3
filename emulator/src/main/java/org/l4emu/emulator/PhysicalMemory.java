package org.l4emu.emulator;

/**
 * The machine's physical RAM and its frame allocator. Addresses are physical byte addresses.
 * Reads and writes go straight to host memory (no guest translation, no access checks).
 * Frames are 4 KiB and come back zero-filled.
 */
public interface PhysicalMemory {
    int PAGE_SIZE = 4096;

    /** Bytes of physical RAM. */
    long size();

    /** Allocates {@code count} contiguous zeroed frames aligned to {@code alignment} bytes (a power of two, at least 4096). */
    long allocateFrames(int count, int alignment) throws OutOfPhysicalMemoryException;

    default long allocateFrame() throws OutOfPhysicalMemoryException {
        return allocateFrames(1, PAGE_SIZE);
    }

    /** Returns frames to the allocator; their contents are zeroed before reuse. */
    void freeFrames(long address, int count);

    /** Frames currently allocated (for statistics and quotas). */
    long allocatedFrames();

    int readWord(long address);

    void writeWord(long address, int value);

    byte readByte(long address);

    void writeByte(long address, byte value);

    void read(long address, byte[] destination, int offset, int length);

    void write(long address, byte[] source, int offset, int length);

    /** Copies {@code length} bytes between physical addresses (the ranges may not overlap). */
    void copy(long from, long to, int length);

    void zero(long address, long length);
}
