package org.l4emu.kernel.boot;

/** The image or system description cannot be booted; the message is one line naming file and problem. */
public final class BootException extends Exception {
    public BootException(String message) {
        super(message);
    }
}
