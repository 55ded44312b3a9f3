package org.l4emu.emulator.arm;

import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;

/**
 * Where the CPU's user registers are read and written between runs and inside hooks: r0-r15,
 * and what else user code can change: CPSR, TPIDRURW (banked by security state) and TEEHBR.
 */
interface CoreRegisters {
    /** Copies r0-r15 into {@code into[0..15]} (r15 without the Thumb bit). */
    void read(int[] into);

    /**
     * Sets r0-r14 from {@code from[0..14]}, and r15 from {@code from[15]} where {@link #writesPc()};
     * elsewhere the PC comes from the address {@code uc_emu_start} is given.
     */
    void write(int[] from);

    /** True when {@link #write} sets the PC without Unicorn leaving its CPU loop (needed to switch threads in a hook). */
    boolean writesPc();

    /**
     * Copies CPSR into {@code into[ArmCpuContext.CPSR]}, the TPIDRURW of {@code bank} (the
     * security state that ran) into {@code into[ArmCpuContext.SAVED_TPIDRURW]} and TEEHBR into
     * {@code into[ArmCpuContext.SAVED_TEEHBR]}.
     */
    void readStatus(Bank bank, int[] into);

    /** Sets the TPIDRURW of {@code bank}. */
    void writeUserThreadRegister(Bank bank, int value);

    /** Sets TEEHBR (one for both security states). */
    void writeThumbEeHandlerBase(int value);
}
