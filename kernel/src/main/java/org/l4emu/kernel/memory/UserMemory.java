package org.l4emu.kernel.memory;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.PhysicalMemory;

/**
 * The kernel's checked access to user virtual memory. Kernel accesses never page-fault into a
 * pager: an address that is not mapped with the needed rights is an invalid argument.
 */
public final class UserMemory {
    private final PhysicalMemory memory;

    public UserMemory(PhysicalMemory memory) {
        this.memory = memory;
    }

    /** Reads {@code length} bytes at {@code address} in {@code space}, or throws when any page is not readable. */
    public byte[] read(AddressSpace space, int address, int length) throws BadUserAddressException {
        long start = Integer.toUnsignedLong(address);
        if (!UserLayout.isUserRange(start, length)) {
            throw new BadUserAddressException(address);
        }
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            long virtual = start + done;
            int inPage = (int) (UserLayout.PAGE_SIZE - (virtual & (UserLayout.PAGE_SIZE - 1)));
            int chunk = Math.min(inPage, length - done);
            memory.read(physical(space, (int) virtual, Access.READ), bytes, done, chunk);
            done += chunk;
        }
        return bytes;
    }

    /**
     * Reads {@code into.length} words from the aligned {@code address} on, or throws when any page
     * is not readable: each page is checked and translated once, not each word.
     */
    public void readWords(AddressSpace space, int address, int[] into) throws BadUserAddressException {
        if ((address & 3) != 0 || !UserLayout.isUserRange(Integer.toUnsignedLong(address), (long) Integer.BYTES * into.length)) {
            throw new BadUserAddressException(address);
        }
        long physical = -1;
        for (int i = 0; i < into.length; i++) {
            int virtual = address + Integer.BYTES * i;
            physical = i == 0 || (virtual & (UserLayout.PAGE_SIZE - 1)) == 0
                    ? physical(space, virtual, Access.READ) : physical + Integer.BYTES;
            into[i] = memory.readWord(physical);
        }
    }

    private static long physical(AddressSpace space, int address, Access needed) throws BadUserAddressException {
        if (!space.rights(address).covers(needed)) {
            throw new BadUserAddressException(address);
        }
        return space.translate(address);
    }
}
