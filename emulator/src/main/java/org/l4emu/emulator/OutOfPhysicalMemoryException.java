package org.l4emu.emulator;

/** No free physical frames are left for an allocation. */
public final class OutOfPhysicalMemoryException extends Exception {
    public OutOfPhysicalMemoryException(String message) {
        super(message);
    }
}
