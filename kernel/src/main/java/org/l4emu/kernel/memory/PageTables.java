package org.l4emu.kernel.memory;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.OutOfPhysicalMemoryException;

/**
 * The two machine operations that may need physical memory for translation structures: a new
 * address space and a mapping that needs a new page table. The machine reports exhaustion as an
 * unchecked exception caused by {@link OutOfPhysicalMemoryException}; here it becomes that
 * checked exception again, so that every caller a guest can reach turns it into an error code
 * (P3), never a host error.
 */
public final class PageTables {
    private PageTables() {}

    public static AddressSpace createSpace(Machine machine) throws OutOfPhysicalMemoryException {
        try {
            return machine.createAddressSpace();
        } catch (IllegalStateException e) {
            throw unwrap(e);
        }
    }

    public static void map(AddressSpace space, int page, long frame, Access rights)
            throws OutOfPhysicalMemoryException {
        try {
            space.map(page, frame, rights);
        } catch (IllegalStateException e) {
            throw unwrap(e);
        }
    }

    private static OutOfPhysicalMemoryException unwrap(IllegalStateException e) {
        if (e.getCause() instanceof OutOfPhysicalMemoryException cause) {
            return cause;
        }
        throw e;
    }
}
