package org.l4emu.tools.disasm;

/** The Capstone library is not installed (Debian package libcapstone4) or is not one l4emu knows. */
public final class DisassemblerUnavailableException extends Exception {
    public DisassemblerUnavailableException(String message) {
        super(message);
    }
}
