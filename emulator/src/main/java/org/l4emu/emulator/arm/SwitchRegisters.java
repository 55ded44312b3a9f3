package org.l4emu.emulator.arm;

import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;

/**
 * The registers a switch of thread or address space writes besides the core ones: the TLB
 * flush and the entering space's TTBR0, SCR (its NS bit chooses the security state, whose TLB
 * holds the space), CPSR, and the thread's TPIDRURO. A switch writes from where its change
 * starts to the end, in this order; CPSR comes after SCR because its write makes QEMU recompute
 * the cached state (security state and user mode) that translation uses.
 */
interface SwitchRegisters {
    /** Enters a space with a flushed TLB: the flush of {@code bank}'s TLB, then everything below. */
    int FLUSH = 0;
    /** Enters a space with a TLB of its own: TTBR0 of {@code bank}, then everything below. */
    int TABLE = 1;
    /** Changes the security state: SCR, then everything below. */
    int SECURITY_STATE = 2;
    /** Another thread, or its CPSR or thread pointer changed: CPSR and TPIDRURO of {@code bank}. */
    int THREAD = 3;

    /**
     * Writes from {@code from} on: the state {@code bank} runs, translating through the table at
     * {@code translationTable}, with SCR {@code scr}, the thread's {@code cpsr} and its
     * {@code threadPointer}.
     */
    void write(int from, Bank bank, int translationTable, int scr, int cpsr, int threadPointer);

    /**
     * The flush of {@code bank}'s TLB for a space entering it: the non-secure state's own alone;
     * QEMU has nothing narrower than TLBIALL for the secure one (see {@link ResidentSpaces}).
     */
    static ArmCpRegister tlbFlush(Bank bank) {
        return bank == Bank.NON_SECURE ? ArmCpRegister.TLBIALLNSNH : ArmCpRegister.TLBIALL;
    }
}
