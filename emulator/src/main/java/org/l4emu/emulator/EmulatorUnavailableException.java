package org.l4emu.emulator;

/**
 * The host lacks something the emulator needs (for example the Unicorn shared library).
 * The message is one line that says what to install.
 */
public class EmulatorUnavailableException extends RuntimeException {
    public EmulatorUnavailableException(String message) {
        super(message);
    }

    public EmulatorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
