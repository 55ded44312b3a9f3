package org.l4emu.emulator.arm;

import static org.l4emu.emulator.arm.LiveCpuState.PROCESS;
import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;

/**
 * Where QEMU keeps the user-mode TLB of each security state, found by calibration: its
 * {@code CPUTLBDescFast f[]} pairs {@code {mask, table}}, one per MMU index, lie just before the
 * CPU state. A table's entries start {@code addr_read, addr_write, addr_code} (32-bit virtual
 * page addresses with flags in the low bits) and hold the host {@code addend} at byte 16; an
 * entry takes 32 bytes in Unicorn 2.0.1 and 64 in 2.1 (which keeps the physical page in it too).
 *
 * @param pairByBank the address of each security state's user-mode pair, by {@link Bank} ordinal
 * @param pageBits   QEMU's page size for the TLB (log2): ARM's 1 KiB minimum or 4 KiB
 * @param entryShift log2 of an entry's size
 */
record UserTlbs(long[] pairByBank, int pageBits, int entryShift) {
    static final int ADDR_READ = 0;
    static final int ADDR_WRITE = 4;
    static final int ADDEND = 16;
    /** How far before the CPU state the per-MMU-index {@code {mask, table}} pairs may lie. */
    private static final int MAX_TLB_DISTANCE = 1024;
    private static final int[] CANDIDATE_PAGE_BITS = {10, 12};
    private static final int[] CANDIDATE_ENTRY_SHIFTS = {5, 6};
    /** QEMU's TLB_NOTDIRTY: 1 << (TARGET_PAGE_BITS_MIN - 2) with ARM's minimum of 10 page bits. */
    static final int NOT_DIRTY = 0x100;

    UserTlbs {
        pairByBank = pairByBank.clone();
    }

    long pair(Bank bank) {
        return pairByBank[bank.ordinal()];
    }

    /** The table's size mask: (entries - 1) << entryShift. */
    long mask(Bank bank) {
        return PROCESS.get(ValueLayout.JAVA_LONG, pair(bank));
    }

    long table(Bank bank) {
        return PROCESS.get(ValueLayout.JAVA_LONG, pair(bank) + Long.BYTES);
    }

    /** The size mask of a table of {@code entries} entries (a power of two). */
    long maskOf(int entries) {
        return (long) (entries - 1) << entryShift;
    }

    /** The address of the entry that would hold virtual page {@code page} in {@code bank}'s table. */
    long entry(Bank bank, long page) {
        return table(bank) + ((page >>> pageBits << entryShift) & mask(bank));
    }

    /**
     * The user-mode TLB that holds the entry of a store: the address of its {@code {mask, table}}
     * pair, QEMU's page size and entry size, and whether the entry still has {@code TLB_NOTDIRTY},
     * which sends every store to it through the slow path.
     */
    record Found(long pair, int pageBits, int entryShift, boolean storesSlow) {
    }

    /**
     * Finds the {@code {mask, table}} pair whose table holds the entry QEMU made for a store to
     * {@code storedAddress} (user mode, the security state that just ran).
     */
    static Found locate(LiveCpuState state, ReadableMemory memory, int storedAddress) {
        Found found = null;
        int count = 0;
        for (long pair = state.address() - 2L * Long.BYTES; pair >= state.address() - MAX_TLB_DISTANCE;
                pair -= 2L * Long.BYTES) {
            if (memory.readableBytes(pair, 2L * Long.BYTES) < 2L * Long.BYTES) {
                break;
            }
            long mask = PROCESS.get(ValueLayout.JAVA_LONG, pair);
            long table = PROCESS.get(ValueLayout.JAVA_LONG, pair + Long.BYTES);
            for (int shift : CANDIDATE_ENTRY_SHIFTS) {
                if (!looksLikeMask(mask, shift) || memory.readableBytes(table, mask + (1L << shift)) < mask + (1L << shift)) {
                    continue;
                }
                for (int bits : CANDIDATE_PAGE_BITS) {
                    long page = Integer.toUnsignedLong(storedAddress) >>> bits << bits;
                    long entry = table + ((page >>> bits << shift) & mask);
                    int addrWrite = PROCESS.get(ValueLayout.JAVA_INT, entry + ADDR_WRITE);
                    if (PROCESS.get(ValueLayout.JAVA_INT, entry + ADDR_READ) == (int) page
                            && (addrWrite == (int) page || addrWrite == (int) (page | NOT_DIRTY))) {
                        found = new Found(pair, bits, shift, addrWrite != (int) page);
                        count++;
                    }
                }
            }
        }
        expect(count == 1, "found " + count + " candidates for the user-mode TLB");
        return found;
    }

    /** A TLB size mask: (entries - 1) << shift for a power-of-two number of entries. */
    private static boolean looksLikeMask(long mask, int shift) {
        long entries = (mask >>> shift) + 1;
        return (mask & ((1L << shift) - 1)) == 0 && entries >= 16 && entries <= (1 << 22)
                && Long.bitCount(entries) == 1;
    }
}
