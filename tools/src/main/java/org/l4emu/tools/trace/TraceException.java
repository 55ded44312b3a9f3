package org.l4emu.tools.trace;

/**
 * A trace could not be written or read: an I/O failure, or a file that is not a well-formed
 * l4emu trace. The message names the file and the problem in one line.
 */
public final class TraceException extends RuntimeException {
    public TraceException(String message) {
        super(message);
    }

    public TraceException(String message, Throwable cause) {
        super(message, cause);
    }
}
