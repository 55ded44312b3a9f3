package org.l4emu.emulator.arm;

import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;

/**
 * One QEMU user-mode TLB kept aside for the space that left it ({@link SpaceTlbs}): the table,
 * its {@code iotlb} and the bookkeeping that goes with them, as QEMU's structures held them. The
 * objects are made once and refilled, so that a switch between spaces allocates nothing.
 */
final class KeptTlb {
    /** The space it was kept for, or null while the slot is free. */
    ArmAddressSpace owner;
    /** When it was kept, for choosing the least recently kept one to give up. */
    long keptAt;
    Bank bank;
    int codeGeneration;
    long mask;
    long entries;
    long iotlb;
    long largePage;
    long usedEntries;

    void copyFrom(KeptTlb other) {
        bank = other.bank;
        codeGeneration = other.codeGeneration;
        mask = other.mask;
        entries = other.entries;
        iotlb = other.iotlb;
        largePage = other.largePage;
        usedEntries = other.usedEntries;
    }
}
