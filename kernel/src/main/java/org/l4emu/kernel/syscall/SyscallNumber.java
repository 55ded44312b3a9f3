package org.l4emu.kernel.syscall;

/** System call numbers of ABI section 3. */
public final class SyscallNumber {
    public static final int KDEBUG = 0;
    public static final int IPC = 1;
    public static final int THREAD_SWITCH = 2;
    public static final int SYSTEM_CLOCK = 3;
    public static final int EXCHANGE_REGISTERS = 4;
    public static final int THREAD_CONTROL = 5;
    public static final int UNMAP = 6;
    public static final int REDIRECT = 7;

    private SyscallNumber() {}
}
