package org.l4emu.emulator.unicorn;

/** A Unicorn API call returned an error code. */
public final class UnicornException extends RuntimeException {
    private final int code;

    public UnicornException(String operation, int code, String description) {
        super(operation + " failed: " + description + " (uc_err " + code + ")");
        this.code = code;
    }

    /** The raw {@code uc_err} value. */
    public int code() {
        return code;
    }

    /** The error as a constant, {@code null} when this library version returned an unknown code. */
    public UcError error() {
        return UcError.fromCode(code);
    }
}
