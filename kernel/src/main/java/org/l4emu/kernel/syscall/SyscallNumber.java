package org.l4emu.kernel.syscall;

import org.l4emu.abi.Abi;

/** System call numbers of ABI section 3 (the table's). */
public final class SyscallNumber {
    public static final int KDEBUG = Abi.Syscall.KDEBUG;
    public static final int IPC = Abi.Syscall.IPC;
    public static final int THREAD_SWITCH = Abi.Syscall.THREAD_SWITCH;
    public static final int SYSTEM_CLOCK = Abi.Syscall.SYSTEM_CLOCK;
    public static final int EXCHANGE_REGISTERS = Abi.Syscall.EXCHANGE_REGISTERS;
    public static final int THREAD_CONTROL = Abi.Syscall.THREAD_CONTROL;
    public static final int UNMAP = Abi.Syscall.UNMAP;
    public static final int REDIRECT = Abi.Syscall.REDIRECT;

    private SyscallNumber() {}
}
