package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;

/** The error codes of ABI section 3.1 (the table's), as they appear in dope bits 11..8. */
public enum IpcError {
    NONE(Abi.ErrorCode.NONE),
    TIMEOUT(Abi.ErrorCode.TIMEOUT),
    NO_PARTNER(Abi.ErrorCode.NO_PARTNER),
    CANCELLED(Abi.ErrorCode.CANCELLED),
    MESSAGE_OVERFLOW(Abi.ErrorCode.MESSAGE_OVERFLOW),
    DELAY_TIMEOUT(Abi.ErrorCode.DELAY_TIMEOUT),
    NOT_PERMITTED(Abi.ErrorCode.NOT_PERMITTED),
    ABORTED(Abi.ErrorCode.ABORTED),
    MONITOR_ERROR(Abi.ErrorCode.MONITOR),
    INVALID_ARGUMENT(Abi.ErrorCode.INVALID_ARGUMENT);

    private final int code;

    IpcError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
