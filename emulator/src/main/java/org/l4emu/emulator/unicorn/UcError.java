package org.l4emu.emulator.unicorn;

/** Values of {@code uc_err}, in the order of unicorn.h (the ordinal is the code). */
public enum UcError {
    OK,
    NOMEM,
    ARCH,
    HANDLE,
    MODE,
    VERSION,
    READ_UNMAPPED,
    WRITE_UNMAPPED,
    FETCH_UNMAPPED,
    HOOK,
    INSN_INVALID,
    MAP,
    WRITE_PROT,
    READ_PROT,
    FETCH_PROT,
    ARG,
    READ_UNALIGNED,
    WRITE_UNALIGNED,
    FETCH_UNALIGNED,
    HOOK_EXIST,
    RESOURCE,
    EXCEPTION;

    private static final UcError[] BY_CODE = values();

    public int code() {
        return ordinal();
    }

    /** The constant for {@code code}, or {@code null} when it is not one of the known codes. */
    public static UcError fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
