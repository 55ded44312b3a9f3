package org.l4emu.emulator.elf;

import java.util.Objects;
import org.l4emu.emulator.Access;

/**
 * One loadable (PT_LOAD) segment: {@code memorySize} bytes at {@code virtualAddress}, the first
 * {@code fileBytes.length} of them from the file and the rest zero.
 *
 * @param virtualAddress first byte's address (unsigned 32-bit)
 * @param memorySize size in memory (unsigned 32-bit, never smaller than the file bytes)
 * @param fileBytes the segment's contents in the file (p_filesz bytes)
 * @param rights the access the segment asks for (p_flags)
 */
public record Segment(int virtualAddress, int memorySize, byte[] fileBytes, Access rights) {
    public Segment {
        Objects.requireNonNull(rights, "rights");
        fileBytes = fileBytes.clone();
        if (Integer.compareUnsigned(fileBytes.length, memorySize) > 0) {
            throw new IllegalArgumentException("file bytes exceed memory size");
        }
    }

    /** A copy: the segment stays immutable. */
    @Override
    public byte[] fileBytes() {
        return fileBytes.clone();
    }

    /** p_filesz, without copying the bytes. */
    public int fileSize() {
        return fileBytes.length;
    }

    /** The first address after the segment, as an unsigned value that may be 2^32. */
    public long endAddress() {
        return Integer.toUnsignedLong(virtualAddress) + Integer.toUnsignedLong(memorySize);
    }

    /** True when {@code address} (unsigned) lies in the segment. */
    public boolean contains(int address) {
        long a = Integer.toUnsignedLong(address);
        return a >= Integer.toUnsignedLong(virtualAddress) && a < endAddress();
    }

    @Override
    public String toString() {
        return String.format("Segment[0x%08x+0x%x %s, %d file bytes]",
                virtualAddress, memorySize, rights, fileBytes.length);
    }
}
