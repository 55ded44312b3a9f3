package org.l4emu.emulator.arm;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.host.ReadableMemory;
import org.l4emu.emulator.spacetlb.TlbShape;
import org.l4emu.emulator.spacetlb.UserTlbSearch;
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
    static final int ADDR_WRITE = 4;
    static final int ADDEND = 16;
    /** QEMU's TLB_NOTDIRTY: 1 << (TARGET_PAGE_BITS_MIN - 2) with ARM's minimum of 10 page bits. */
    static final int NOT_DIRTY = 0x100;
    /** ARM's pages are 1 KiB at the least, 4 KiB as Unicorn's Cortex-A15 uses them. */
    private static final UserTlbSearch.Target TARGET = new UserTlbSearch.Target(Integer.BYTES, new int[] {10, 12}, NOT_DIRTY);

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

    /** The address of the entry that would hold virtual page {@code page} in {@code bank}'s table. */
    long entry(Bank bank, long page) {
        return table(bank) + ((page >>> pageBits << entryShift) & mask(bank));
    }

    /** Where the pairs lie and how an entry is made, for {@link org.l4emu.emulator.spacetlb.SpaceTlbLayout}. */
    TlbShape shape() {
        return new TlbShape(Integer.BYTES, pageBits, entryShift);
    }

    /**
     * Finds the {@code {mask, table}} pair whose table holds the entry QEMU made for a store to
     * {@code storedAddress} (user mode, the security state that just ran).
     */
    static UserTlbSearch.Found locate(LiveCpuState state, ReadableMemory memory, int storedAddress) {
        return UserTlbSearch.locate(state.address(), memory, TARGET, Integer.toUnsignedLong(storedAddress));
    }
}
