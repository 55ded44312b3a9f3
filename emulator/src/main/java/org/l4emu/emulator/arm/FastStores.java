package org.l4emu.emulator.arm;

import static org.l4emu.emulator.arm.LiveCpuState.PROCESS;
import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;

/**
 * Lets guest stores to data pages take QEMU's fast path again.
 *
 * <p>Unicorn 2.0.1 stubs out QEMU's dirty-memory tracking, so every TLB entry of writable RAM
 * keeps {@code TLB_NOTDIRTY} for good and every guest store goes through {@code notdirty_write},
 * which looks for translated code to invalidate and allocates and frees a tree each time: about
 * 110 ns a store against about 1 (fixed in later Unicorn releases). A guest stores its message
 * registers into its UTCB on every IPC, so this cost alone was a third of a round trip.
 *
 * <p>A frame that was never mapped executable in any address space holds no translated code,
 * so a store there has nothing to invalidate: this class clears the flag in the user-mode TLB
 * entries of such frames, which QEMU's TLB keeps per security state ({@code CPUTLBDescFast f[]},
 * just before the CPU state: {@code {mask, table}} per MMU index; 32-byte entries of
 * {@code addr_read, addr_write, addr_code, addend}). {@link CodeFrames} makes sure no entry
 * stays fast for a frame that later becomes code.
 */
final class FastStores {
    private static final int ENTRY_BYTES = 32;
    private static final int ENTRY_SHIFT = 5;
    private static final int ADDR_READ = 0;
    private static final int ADDR_WRITE = 4;
    private static final int ADDEND = 16;
    /** QEMU's TLB_NOTDIRTY: 1 << (TARGET_PAGE_BITS_MIN - 2) with ARM's minimum of 10 page bits. */
    private static final int NOT_DIRTY = 0x100;
    /** How far before the CPU state the per-MMU-index {@code {mask, table}} pairs may lie. */
    private static final int MAX_TLB_DISTANCE = 1024;
    private static final int[] CANDIDATE_PAGE_BITS = {10, 12};
    /** Thread loads between sweeps of the whole TLB: a sweep reads every entry, a load reads three. */
    private static final int SWEEP_INTERVAL = 64;

    private final long[] userTlbByBank;
    private final int pageBits;
    private final long physicalBase;
    private final long physicalSize;
    private final CodeFrames codeFrames;
    private int loadsSinceSweep;

    /**
     * Where QEMU keeps the user-mode TLBs, found by calibration.
     *
     * @param userTlbByBank the address of the user-mode {@code f[]} pair of each security state,
     *                      by {@link Bank} ordinal
     * @param pageBits      QEMU's page size for the TLB (log2)
     */
    record Location(long[] userTlbByBank, int pageBits) {
    }

    /** @param physicalBase the host address of guest physical address 0 */
    FastStores(Location location, long physicalBase, long physicalSize, CodeFrames codeFrames) {
        this.userTlbByBank = location.userTlbByBank().clone();
        this.pageBits = location.pageBits();
        this.physicalBase = physicalBase;
        this.physicalSize = physicalSize;
        this.codeFrames = codeFrames;
    }

    /**
     * The pages a thread stores to most, its UTCB (the message registers) and the top of its
     * stack, get fast stores if they are in {@code bank}'s TLB; every {@link #SWEEP_INTERVAL}
     * loads, so do all of the TLB's data pages (a program's own variables).
     */
    void allowFastStoresFor(Bank bank, ArmCpuContext thread) {
        allowFastStores(bank, thread.threadPointer());
        int top = thread.stackPointer() - Integer.BYTES;
        allowFastStores(bank, top);
        allowFastStores(bank, top - (1 << pageBits));
        if (++loadsSinceSweep >= SWEEP_INTERVAL) {
            loadsSinceSweep = 0;
            sweep(bank);
        }
    }

    /** Every entry of {@code bank}'s user TLB that maps a data frame gets fast stores. */
    private void sweep(Bank bank) {
        long pair = userTlbByBank[bank.ordinal()];
        long mask = PROCESS.get(ValueLayout.JAVA_LONG, pair);
        long table = PROCESS.get(ValueLayout.JAVA_LONG, pair + Long.BYTES);
        int flags = (1 << pageBits) - 1;
        for (long entry = table; entry <= table + mask; entry += ENTRY_BYTES) {
            int addrWrite = PROCESS.get(ValueLayout.JAVA_INT, entry + ADDR_WRITE);
            if ((addrWrite & flags) == NOT_DIRTY) {
                allowFastStores(bank, addrWrite & ~flags);
            }
        }
    }

    /**
     * Clears the flag in {@code bank}'s user TLB entry of {@code virtualAddress}, if that entry
     * maps it writable to a frame that can hold no code. Nothing happens when the page is not
     * in the TLB (the next store refills it with the flag; a later call clears it).
     */
    void allowFastStores(Bank bank, int virtualAddress) {
        long pair = userTlbByBank[bank.ordinal()];
        long mask = PROCESS.get(ValueLayout.JAVA_LONG, pair);
        long table = PROCESS.get(ValueLayout.JAVA_LONG, pair + Long.BYTES);
        long page = Integer.toUnsignedLong(virtualAddress) >>> pageBits << pageBits;
        long entry = table + ((page >>> (pageBits - ENTRY_SHIFT)) & mask);
        int addrWrite = PROCESS.get(ValueLayout.JAVA_INT, entry + ADDR_WRITE);
        if (addrWrite != (int) (page | NOT_DIRTY)) {
            return;
        }
        long physical = page + PROCESS.get(ValueLayout.JAVA_LONG, entry + ADDEND) - physicalBase;
        if (physical < 0 || physical >= physicalSize || !codeFrames.markFastStores(physical)) {
            return;
        }
        PROCESS.set(ValueLayout.JAVA_INT, entry + ADDR_WRITE, addrWrite & ~NOT_DIRTY);
    }

    /**
     * The user-mode TLB that holds the entry of a store: the address of its {@code {mask, table}}
     * pair, QEMU's page size (log2), and whether the entry still has {@code TLB_NOTDIRTY}, which
     * sends every store to it through the slow path.
     */
    record Found(long pair, int pageBits, boolean storesSlow) {
    }

    /**
     * Finds the {@code {mask, table}} pair whose table holds the entry QEMU made for a store to
     * {@code storedAddress} (user mode, the security state that just ran).
     */
    static Found locateUserTlb(LiveCpuState state, ReadableMemory memory, int storedAddress) {
        Found found = null;
        int count = 0;
        for (long pair = state.address() - 2L * Long.BYTES; pair >= state.address() - MAX_TLB_DISTANCE;
                pair -= 2L * Long.BYTES) {
            if (memory.readableBytes(pair, 2L * Long.BYTES) < 2L * Long.BYTES) {
                break;
            }
            long mask = PROCESS.get(ValueLayout.JAVA_LONG, pair);
            long table = PROCESS.get(ValueLayout.JAVA_LONG, pair + Long.BYTES);
            if (!looksLikeMask(mask) || memory.readableBytes(table, mask + ENTRY_BYTES) < mask + ENTRY_BYTES) {
                continue;
            }
            for (int bits : CANDIDATE_PAGE_BITS) {
                long page = Integer.toUnsignedLong(storedAddress) >>> bits << bits;
                long entry = table + ((page >>> (bits - ENTRY_SHIFT)) & mask);
                int addrWrite = PROCESS.get(ValueLayout.JAVA_INT, entry + ADDR_WRITE);
                if (PROCESS.get(ValueLayout.JAVA_INT, entry + ADDR_READ) == (int) page
                        && (addrWrite == (int) page || addrWrite == (int) (page | NOT_DIRTY))) {
                    found = new Found(pair, bits, addrWrite != (int) page);
                    count++;
                }
            }
        }
        expect(count == 1, "found " + count + " candidates for the user-mode TLB");
        return found;
    }

    /** A TLB size mask: (entries - 1) << 5 for a power-of-two number of entries. */
    private static boolean looksLikeMask(long mask) {
        long entries = (mask >>> ENTRY_SHIFT) + 1;
        return (mask & (ENTRY_BYTES - 1)) == 0 && entries >= 16 && entries <= (1 << 22)
                && Long.bitCount(entries) == 1;
    }
}
