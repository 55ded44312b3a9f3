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

    /** Reads an aligned word. */
    public int readWord(AddressSpace space, int address) throws BadUserAddressException {
        if ((address & 3) != 0 || !UserLayout.isUserRange(Integer.toUnsignedLong(address), 4)) {
            throw new BadUserAddressException(address);
        }
        return memory.readWord(physical(space, address, Access.READ));
    }

    private static long physical(AddressSpace space, int address, Access needed) throws BadUserAddressException {
        if (!space.rights(address).covers(needed)) {
            throw new BadUserAddressException(address);
        }
        return space.translate(address);
    }
}
