package org.l4emu.emulator.spacetlb;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;

/**
 * The shape of QEMU's softmmu TLB for one target, as the calibration finds it: how wide a
 * guest address is ({@code target_ulong}: 4 bytes for arm, 8 for the x86_64 target that Unicorn
 * builds for x86), the page size the TLB works in, and the size of an entry (32 bytes in Unicorn
 * 2.0.1, 64 in 2.1). The offsets in a {@code CPUTLBDesc} follow from these: the large-page range
 * (two addresses), the resize window (two 8-byte fields), the entries in use, the victim index,
 * the eight victim entries with their {@code iotlb} entries, and the pointer to the table's own
 * {@code iotlb}.
 *
 * @param addressBytes {@code sizeof(target_ulong)}: 4 or 8
 * @param pageBits     log2 of the TLB's page size
 * @param entryShift   log2 of an entry's size
 */
public record TlbShape(int addressBytes, int pageBits, int entryShift) {
    public static final int VICTIM_ENTRIES = 8;
    public static final int IOTLB_ENTRY_BYTES = 16;
    /** {@code int64_t window_begin_ns; size_t window_max_entries}. */
    private static final int WINDOW_BYTES = 16;

    public TlbShape {
        if (addressBytes != Integer.BYTES && addressBytes != Long.BYTES) {
            throw new IllegalArgumentException("target_ulong of " + addressBytes + " bytes");
        }
    }

    /** {@code large_page_addr, large_page_mask}, as 8-byte words (one for arm, two for x86). */
    int largePageWords() {
        return 2 * addressBytes / Long.BYTES;
    }

    int usedEntries() {
        return 2 * addressBytes + WINDOW_BYTES;
    }

    int victimIndex() {
        return usedEntries() + Long.BYTES;
    }

    int victimTable() {
        return victimIndex() + Long.BYTES;
    }

    int victimTableBytes() {
        return VICTIM_ENTRIES << entryShift;
    }

    /** The offset of {@code CPUIOTLBEntry *iotlb} in a {@code CPUTLBDesc}. */
    int iotlb() {
        return victimTable() + victimTableBytes() + VICTIM_ENTRIES * IOTLB_ENTRY_BYTES;
    }

    int descBytes() {
        return iotlb() + Long.BYTES;
    }

    int entryBytes() {
        return 1 << entryShift;
    }

    /** The size mask of a table of {@code entries} entries (a power of two): (entries - 1) << entryShift. */
    public long maskOf(int entries) {
        return (long) (entries - 1) << entryShift;
    }

    /** The offset of {@code addr_write} in an entry ({@code addr_read} is at 0, {@code addr_code} after it). */
    public int addrWrite() {
        return addressBytes;
    }

    /** A guest address field of an entry at {@code address}, zero-extended. */
    long address(long at) {
        return addressBytes == Long.BYTES ? PROCESS.get(ValueLayout.JAVA_LONG, at)
                : Integer.toUnsignedLong(PROCESS.get(ValueLayout.JAVA_INT, at));
    }
}
