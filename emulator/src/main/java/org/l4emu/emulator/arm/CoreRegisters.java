package org.l4emu.emulator.arm;

/** Where the CPU's r0-r15 are read and written between runs and inside hooks. */
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
}
