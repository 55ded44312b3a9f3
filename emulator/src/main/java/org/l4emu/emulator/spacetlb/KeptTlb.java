package org.l4emu.emulator.spacetlb;

/**
 * An address space's user-mode TLB while it is out of QEMU's hands: the table of entries, its
 * {@code iotlb} and the bookkeeping that goes with them, as QEMU's structures held them. The
 * objects are made once and refilled, so that a switch between spaces allocates nothing.
 */
public final class KeptTlb {
    /** The space it was kept for, or null while the slot is free. */
    TlbSpace owner;
    /** When it was kept, for choosing the least recently kept one to give up. */
    long keptAt;
    int regime;
    int codeGeneration;
    long mask;
    long entries;
    long iotlb;
    /** {@code large_page_addr, large_page_mask} as words ({@link TlbShape#largePageWords}). */
    long largePage0;
    long largePage1;
    long usedEntries;

    void copyFrom(KeptTlb other) {
        regime = other.regime;
        codeGeneration = other.codeGeneration;
        mask = other.mask;
        entries = other.entries;
        iotlb = other.iotlb;
        largePage0 = other.largePage0;
        largePage1 = other.largePage1;
        usedEntries = other.usedEntries;
    }
}
