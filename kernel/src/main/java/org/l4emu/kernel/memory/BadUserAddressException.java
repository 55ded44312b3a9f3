package org.l4emu.kernel.memory;

/** A user address the kernel was asked to access is not mapped with the needed rights. */
public final class BadUserAddressException extends Exception {
    public BadUserAddressException(int address) {
        super(String.format("bad user address 0x%08x", address));
    }
}
