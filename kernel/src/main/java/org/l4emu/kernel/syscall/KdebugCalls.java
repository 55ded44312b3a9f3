package org.l4emu.kernel.syscall;

import org.l4emu.abi.Abi;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.memory.BadUserAddressException;
import org.l4emu.kernel.memory.UserMemory;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;

/** kdebug: console output, shutdown, breakpoints and thread exit (ABI section 3). */
public final class KdebugCalls {
    public static final int PUTC = Abi.KdebugOp.PUTC;
    public static final int WRITE = Abi.KdebugOp.WRITE;
    public static final int SHUTDOWN = Abi.KdebugOp.SHUTDOWN;
    public static final int BREAKPOINT = Abi.KdebugOp.BREAKPOINT;
    public static final int EXIT_THREAD = Abi.KdebugOp.EXIT_THREAD;
    /** What {@link #call} returns for a thread that exited: it has no result register any more. */
    public static final int NO_RESULT = -1;
    /** Longest single console write; longer requests are invalid rather than a host allocation. */
    public static final int MAX_WRITE = Abi.Kdebug.MAX_WRITE;

    /** What kdebug needs from the rest of the kernel. */
    public interface Host {
        void console(Thread thread, byte[] bytes);

        void shutdown(int exitCode);

        void exitThread(Thread thread);
    }

    private final UserMemory userMemory;
    private final Host host;
    private final KernelEvents events;

    public KdebugCalls(UserMemory userMemory, Host host, KernelEvents events) {
        this.userMemory = userMemory;
        this.host = host;
        this.events = events;
    }

    /** Returns the result for r0/eax: 0 or an error code, or {@link #NO_RESULT} when the caller exited. */
    public int call(Thread caller, int op, int a, int b) {
        switch (op) {
            case PUTC -> host.console(caller, new byte[] {(byte) a});
            case WRITE -> {
                return write(caller, a, b);
            }
            case SHUTDOWN -> host.shutdown(a);
            case BREAKPOINT -> events.breakpoint(caller, a);
            case EXIT_THREAD -> {
                host.exitThread(caller);
                return NO_RESULT;
            }
            default -> {
                return IpcError.INVALID_ARGUMENT.code();
            }
        }
        return 0;
    }

    private int write(Thread caller, int address, int length) {
        if (length < 0 || length > MAX_WRITE) {
            return IpcError.INVALID_ARGUMENT.code();
        }
        try {
            host.console(caller, userMemory.read(caller.task().space(), address, length));
            return 0;
        } catch (BadUserAddressException e) {
            return IpcError.INVALID_ARGUMENT.code();
        }
    }
}
