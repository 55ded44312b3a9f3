package org.l4emu.tools.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of trace event, with their wire code (docs/trace-format.md) and the name the JSON
 * form and the command line use. Codes are part of the format: never renumber, only append.
 */
public enum EventKind {
    THREAD_START(0x10, Group.LIFECYCLE),
    THREAD_EXIT(0x11, Group.LIFECYCLE),
    SYSCALL(0x12, Group.DETAIL),
    SEND(0x13, Group.IPC),
    FORWARD(0x14, Group.IPC),
    REDIRECT(0x15, Group.IPC),
    DELIVER(0x16, Group.IPC),
    UNBLOCK(0x17, Group.IPC),
    NOTIFY(0x18, Group.IPC),
    ERROR(0x19, Group.IPC),
    TIMEOUT(0x1A, Group.IPC),
    CONSOLE(0x1B, Group.LIFECYCLE),
    BREAKPOINT(0x1C, Group.LIFECYCLE),
    PAGE_FAULT(0x1D, Group.LIFECYCLE),
    MAP(0x1E, Group.LIFECYCLE),
    STATE(0x1F, Group.DETAIL),
    SWITCH(0x20, Group.DETAIL),
    END(0x21, Group.LIFECYCLE),
    // Version 2: what a rule checker needs (docs/checker.md).
    RULE(0x22, Group.LIFECYCLE),
    ALLOW(0x23, Group.LIFECYCLE),
    THREAD_CREATED(0x24, Group.LIFECYCLE),
    FAULT_IPC(0x25, Group.IPC),
    ITEMS(0x26, Group.DETAIL),
    UNMAP(0x27, Group.LIFECYCLE),
    DEADLINE(0x28, Group.DETAIL),
    KERNEL_MAP(0x29, Group.DETAIL),
    // Version 2 too: the error of a system call other than ipc (semantics P2).
    SYSCALL_ERROR(0x2A, Group.LIFECYCLE);

    /** How prominent a kind is: IPC events are what the stepper's "next" stops at. */
    public enum Group {
        IPC,
        LIFECYCLE,
        /** Shown only on request: a row per system call, thread state change or CPU switch. */
        DETAIL
    }

    private static final EventKind[] BY_CODE = new EventKind[0x2B];

    static {
        for (EventKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;
    private final Group group;
    private final String jsonName;

    EventKind(int code, Group group) {
        this.code = code;
        this.group = group;
        this.jsonName = name().toLowerCase(Locale.ROOT);
    }

    public int code() {
        return code;
    }

    public Group group() {
        return group;
    }

    public boolean isIpc() {
        return group == Group.IPC;
    }

    /** The name in the JSON form and on the command line: {@code page_fault}, {@code deliver}, ... */
    public String jsonName() {
        return jsonName;
    }

    /**
     * True when an event of this kind always concerns a thread: every kind but the mapping and
     * rule records, the end, and a switch (which names none when the CPU goes idle).
     */
    boolean namesThread() {
        return switch (this) {
            case MAP, KERNEL_MAP, UNMAP, RULE, ALLOW, END, SWITCH -> false;
            default -> true;
        };
    }

    /** The kind with wire code {@code code}, or null for a code this version does not know. */
    static EventKind ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public static Optional<EventKind> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(wanted)).findFirst();
    }
}
