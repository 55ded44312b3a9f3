package org.l4emu.tools.harness;

/** A case file, or a directory of them, cannot be used; the message names the file and the problem in one line. */
public final class CaseFileException extends RuntimeException {
    public CaseFileException(String message) {
        super(message);
    }
}
