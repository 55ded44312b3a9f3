package org.l4emu.tools.trace;

/** How many argument registers each system call of ABI section 3 reads, and its name. */
public final class SyscallArguments {
    private static final String[] NAMES = {"kdebug", "ipc", "thread_switch", "system_clock", "exchange_registers",
        "thread_control", "unmap", "redirect"};
    private static final int[] COUNTS = {3, 4, 1, 0, 4, 4, 2, 4};

    private SyscallArguments() {}

    static int count(int number) {
        return number >= 0 && number < COUNTS.length ? COUNTS[number] : 0;
    }

    public static String name(int number) {
        return number >= 0 && number < NAMES.length ? NAMES[number] : "unknown_" + number;
    }
}
