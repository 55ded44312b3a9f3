package org.l4emu.kernel.ipc;

/** The IPC error codes of ABI section 3, as they appear in dope bits 11..8. */
public enum IpcError {
    NONE(0),
    TIMEOUT(1),
    NO_PARTNER(2),
    CANCELLED(3),
    MESSAGE_OVERFLOW(4),
    DELAY_TIMEOUT(5),
    NOT_PERMITTED(6),
    ABORTED(7),
    MONITOR_ERROR(8),
    INVALID_ARGUMENT(9);

    private final int code;

    IpcError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
