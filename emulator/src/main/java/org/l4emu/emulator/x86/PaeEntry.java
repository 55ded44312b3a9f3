package org.l4emu.emulator.x86;

import org.l4emu.emulator.Access;

/**
 * IA-32 PAE paging entries (Intel SDM vol. 3, 4.4), with execute-disable (EFER.NXE): only
 * what l4emu writes. A linear address splits into a page-directory-pointer index (bits 31-30),
 * a directory index (29-21) and a table index (20-12); tables hold 512 eight-byte entries.
 *
 * <p>Addresses nothing maps get a present entry that points into the trap range
 * ({@link KernelLayout#TRAP_BASE} plus the linear address) and allows every access, so that
 * the access reaches Unicorn's invalid-memory hook with its type and address, rather than
 * raise a page fault, whose error code Unicorn does not pass on. Accessed and dirty are set
 * in advance, so the page walk never writes an entry.
 */
final class PaeEntry {
    static final int ENTRIES = 512;
    static final int BYTES = 8;
    static final int TABLE_BYTES = ENTRIES * BYTES;
    static final int POINTER_ENTRIES = 4;
    static final long LARGE_PAGE_SIZE = 1L << 21;

    private static final long PRESENT = 1;
    private static final long WRITABLE = 1 << 1;
    private static final long USER = 1 << 2;
    private static final long ACCESSED = 1 << 5;
    private static final long DIRTY = 1 << 6;
    private static final long LARGE = 1 << 7;
    private static final long EXECUTE_DISABLE = 1L << 63;
    private static final long ADDRESS_MASK = 0x000F_FFFF_FFFF_F000L;
    private static final long EVERY_ACCESS = PRESENT | WRITABLE | USER | ACCESSED | DIRTY;

    private PaeEntry() {
    }

    /** A page-directory-pointer entry for the directory at {@code directory} (it has no rights bits). */
    static long pointer(long directory) {
        return directory | PRESENT;
    }

    /** A directory entry for the table at {@code table}, allowing everything: the table's entries decide. */
    static long table(long table) {
        return table | PRESENT | WRITABLE | USER | ACCESSED;
    }

    /** A directory entry trapping every access to the 2 MiB at {@code linear}. */
    static long trapLargePage(long linear) {
        return KernelLayout.TRAP_BASE + linear | EVERY_ACCESS | LARGE;
    }

    /** A table entry trapping every access to the page at {@code linear}. */
    static long trapPage(long linear) {
        return KernelLayout.TRAP_BASE + linear | EVERY_ACCESS;
    }

    /**
     * A user page at {@code linear} with {@code rights}, or a trap entry when it has none. Paging
     * cannot refuse reads of a page it maps, so the page gets the smallest superset the hardware
     * has, as on arm: write and execute imply read.
     */
    static long userPage(long linear, long frame, Access rights) {
        if (rights.bits() == 0) {
            return trapPage(linear);
        }
        return frame | PRESENT | USER | ACCESSED | DIRTY | (rights.writable() ? WRITABLE : 0)
                | (rights.executable() ? 0 : EXECUTE_DISABLE);
    }

    /** True for a directory entry pointing at a table (not a large page). */
    static boolean isTable(long directoryEntry) {
        return (directoryEntry & PRESENT) != 0 && (directoryEntry & LARGE) == 0;
    }

    static long address(long entry) {
        return entry & ADDRESS_MASK;
    }

    static int pointerIndex(long linear) {
        return (int) (linear >>> 30) & (POINTER_ENTRIES - 1);
    }

    static int directoryIndex(long linear) {
        return (int) (linear >>> 21) & (ENTRIES - 1);
    }

    static int tableIndex(long linear) {
        return (int) (linear >>> 12) & (ENTRIES - 1);
    }
}
