package org.l4emu.kernel.syscall;

import org.l4emu.emulator.CpuContext;
import org.l4emu.kernel.ipc.IpcEngine;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.trace.KernelEvents;

/** Decodes a system call from the trapping thread's registers and delegates it. Nothing else. */
public final class SyscallDispatcher {
    private final IpcEngine ipc;
    private final KdebugCalls kdebug;
    private final ThreadCalls threadCalls;
    private final RedirectCall redirect;
    private final ThreadControlCall threadControl;
    private final UnmapCall unmap;
    private final VirtualClock clock;
    private final KernelEvents events;

    public SyscallDispatcher(IpcEngine ipc, KdebugCalls kdebug, ThreadCalls threadCalls, RedirectCall redirect,
                             ThreadControlCall threadControl, UnmapCall unmap, VirtualClock clock,
                             KernelEvents events) {
        this.threadControl = threadControl;
        this.unmap = unmap;
        this.ipc = ipc;
        this.kdebug = kdebug;
        this.threadCalls = threadCalls;
        this.redirect = redirect;
        this.clock = clock;
        this.events = events;
    }

    public void dispatch(Thread caller) {
        CpuContext registers = caller.context();
        int number = registers.syscallNumber();
        events.syscall(caller, number);
        switch (number) {
            case SyscallNumber.KDEBUG -> {
                int result = kdebug.call(caller, registers.argument(0), registers.argument(1), registers.argument(2));
                if (result != KdebugCalls.NO_RESULT) {
                    result(caller, number, result);
                }
            }
            case SyscallNumber.IPC -> ipc.ipc(caller, registers.argument(0), registers.argument(1),
                    registers.argument(2), registers.argument(3));
            case SyscallNumber.THREAD_SWITCH -> threadCalls.threadSwitch(caller, registers.argument(0));
            case SyscallNumber.SYSTEM_CLOCK -> {
                long micros = clock.nowMicroseconds();
                registers.setResult(0, (int) micros);
                registers.setResult(1, (int) (micros >>> 32));
            }
            case SyscallNumber.EXCHANGE_REGISTERS -> result(caller, number, threadCalls.exchangeRegisters(caller,
                    registers.argument(0), registers.argument(1), registers.argument(2), registers.argument(3)));
            case SyscallNumber.REDIRECT -> result(caller, number, redirect.call(caller, registers.argument(0),
                    registers.argument(1), registers.argument(2), registers.argument(3)));
            case SyscallNumber.THREAD_CONTROL -> result(caller, number, threadControl.call(caller,
                    registers.argument(0), registers.argument(1), registers.argument(2), registers.argument(3)));
            case SyscallNumber.UNMAP -> {
                // unmap has no result register: only an error writes one.
                if (!unmap.call(caller, registers.argument(0), registers.argument(1))) {
                    result(caller, number, IpcError.INVALID_ARGUMENT.code());
                }
            }
            // An unknown system call answers invalid argument and changes nothing else.
            default -> result(caller, number, IpcError.INVALID_ARGUMENT.code());
        }
    }

    /** Result 0 of a call other than ipc; an error code also goes to the observers (P2: the trace records it). */
    private void result(Thread caller, int number, int code) {
        caller.context().setResult(0, code);
        if (code != 0) {
            events.syscallFailed(caller, number, code);
        }
    }
}
