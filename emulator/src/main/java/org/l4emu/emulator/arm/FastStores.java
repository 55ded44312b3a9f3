package org.l4emu.emulator.arm;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;
import static org.l4emu.emulator.arm.UserTlbs.ADDEND;
import static org.l4emu.emulator.arm.UserTlbs.ADDR_WRITE;
import static org.l4emu.emulator.arm.UserTlbs.NOT_DIRTY;

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
 * entries of such frames, which QEMU's TLB keeps per security state ({@link UserTlbs}).
 * {@link CodeFrames} makes sure no entry stays fast for a frame that later becomes code.
 */
final class FastStores {
    /** Thread loads between sweeps of the whole TLB: a sweep reads every entry, a load reads three. */
    private static final int SWEEP_INTERVAL = 64;

    private final UserTlbs tlbs;
    private final long physicalBase;
    private final long physicalSize;
    private final CodeFrames codeFrames;
    private int loadsSinceSweep;

    /** @param physicalBase the host address of guest physical address 0 */
    FastStores(UserTlbs tlbs, long physicalBase, long physicalSize, CodeFrames codeFrames) {
        this.tlbs = tlbs;
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
        allowFastStores(bank, top - (1 << tlbs.pageBits()));
        if (++loadsSinceSweep >= SWEEP_INTERVAL) {
            loadsSinceSweep = 0;
            sweep(bank);
        }
    }

    /** Every entry of {@code bank}'s user TLB that maps a data frame gets fast stores. */
    private void sweep(Bank bank) {
        long mask = tlbs.mask(bank);
        long table = tlbs.table(bank);
        int flags = (1 << tlbs.pageBits()) - 1;
        for (long entry = table; entry <= table + mask; entry += 1L << tlbs.entryShift()) {
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
        long page = Integer.toUnsignedLong(virtualAddress) >>> tlbs.pageBits() << tlbs.pageBits();
        long entry = tlbs.entry(bank, page);
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
}
