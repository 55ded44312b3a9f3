package org.l4emu.emulator.x86;

import org.l4emu.emulator.unicorn.InvalidMemoryHook;

/**
 * What stopped one {@code uc_emu_start}, as the hooks saw it: the vector the interrupt hook
 * took, and the first access the invalid-memory hook refused (an access straddling two pages
 * can report both halves). Read by {@link X86StopDecoder}.
 */
final class StopRecord implements InvalidMemoryHook {
    private int vector = X86Vector.NONE;
    private boolean faultPending;
    private int faultType;
    private long faultAddress;

    /** A run starts: nothing seen yet. */
    void clear() {
        vector = X86Vector.NONE;
        faultPending = false;
    }

    /** The interrupt hook took {@code number}. */
    void interrupted(int number) {
        vector = number;
    }

    /** The vector the interrupt hook took, or {@link X86Vector#NONE}. */
    int vector() {
        return vector;
    }

    /** True when an access was refused (the page fault of the run). */
    boolean faultPending() {
        return faultPending;
    }

    /** The {@code UcMemType} of the refused access. */
    int faultType() {
        return faultType;
    }

    /** The address the hook gave for the refused access (physical with paging, else linear). */
    long faultAddress() {
        return faultAddress;
    }

    /** Replaces what the hooks saw by a refused access of {@code type} at linear {@code address}. */
    void refused(int type, long address) {
        vector = X86Vector.NONE;
        faultPending = true;
        faultType = type;
        faultAddress = address;
    }

    @Override
    public boolean onInvalidAccess(int type, long address, int size) {
        if (!faultPending) {
            faultPending = true;
            faultType = type;
            faultAddress = address;
        }
        return false;
    }
}
