package org.l4emu.emulator.x86;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.unicorn.UcMemType;

/**
 * Which access raised a #PF on a page mapped with too few rights, worked out from what Unicorn
 * does pass on: CR2, EIP and the page's rights. Reads never fault on a mapped page (paging
 * gives every mapped page read), so the access was a write or a fetch. A page that lacks only
 * one of the two names it. A read-only page lacks both, and then:
 * <ul>
 * <li>if EIP is on the page, the fetch faulted: no instruction there could have been fetched;
 * <li>if the fault is exactly at the start of the page after EIP's, it may be either: a block
 *     starting at EIP running into the page, or the instruction at EIP writing there;
 * <li>anywhere else it was a write: a block reaches at most into the page after its start.
 * </ul>
 */
final class ProtectionFaults {
    /** The rights leave the access open: run the instruction again to see it. */
    static final int UNKNOWN = -1;

    private ProtectionFaults() {
    }

    /** {@link UcMemType#WRITE_PROT}, {@link UcMemType#FETCH_PROT} or {@link #UNKNOWN}. */
    static int type(Access rights, int address, int instructionPointer) {
        if (rights.bits() == 0 || rights.writable() && rights.executable()) {
            // A page that traps, or one every access may use: a #PF there is not a rights fault.
            return UNKNOWN;
        }
        if (rights.writable()) {
            return UcMemType.FETCH_PROT;
        }
        if (rights.executable()) {
            return UcMemType.WRITE_PROT;
        }
        long page = Integer.toUnsignedLong(address) >>> 12;
        long codePage = Integer.toUnsignedLong(instructionPointer) >>> 12;
        if (page == codePage) {
            return UcMemType.FETCH_PROT;
        }
        if (page == codePage + 1 && (address & (KernelLayout.PAGE_SIZE - 1)) == 0) {
            return UNKNOWN;
        }
        return UcMemType.WRITE_PROT;
    }
}
