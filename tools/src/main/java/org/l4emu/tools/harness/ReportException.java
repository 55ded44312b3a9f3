package org.l4emu.tools.harness;

/** A report could not be written; the message names the file and the problem in one line. */
public final class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }
}
