package org.l4emu.tools.replay;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.PhysicalMemory;

/** Reads and writes guest virtual memory of one address space for a debugger, as the guest sees it. */
public final class GuestMemory {
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;

    private final PhysicalMemory memory;

    public GuestMemory(PhysicalMemory memory) {
        this.memory = memory;
    }

    /** The bytes at {@code address}, or null when any of them is unmapped. */
    public byte[] read(AddressSpace space, int address, int length) {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            int at = address + done;
            long physical = space.translate(at);
            if (physical < 0) {
                return null;
            }
            int chunk = Math.min(length - done, PAGE - (at & (PAGE - 1)));
            memory.read(physical, bytes, done, chunk);
            done += chunk;
        }
        return bytes;
    }

    /** The little-endian word at {@code address}, or null when unmapped. */
    public Integer readWord(AddressSpace space, int address) {
        byte[] bytes = read(space, address, 4);
        if (bytes == null) {
            return null;
        }
        return (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16 | (bytes[3] & 0xFF) << 24;
    }

    /** Writes {@code bytes} at {@code address}; false (and nothing written) when any page is unmapped. */
    public boolean write(AddressSpace space, int address, byte[] bytes) {
        for (int done = 0; done < bytes.length; done += PAGE - ((address + done) & (PAGE - 1))) {
            if (space.translate(address + done) < 0) {
                return false;
            }
        }
        int done = 0;
        while (done < bytes.length) {
            int at = address + done;
            int chunk = Math.min(bytes.length - done, PAGE - (at & (PAGE - 1)));
            memory.write(space.translate(at), bytes, done, chunk);
            done += chunk;
        }
        return true;
    }
}
