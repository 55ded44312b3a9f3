package org.l4emu.kernel.syscall;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.CpuContext;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.Phase;
import org.l4emu.kernel.ipc.Rendezvous;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.sched.Scheduler;

/** thread_switch and exchange_registers. */
public final class ThreadCalls {
    public static final int CONTROL_SET_SP_IP = Abi.ExchangeRegisters.SET_SP_IP;
    public static final int CONTROL_RESUME = Abi.ExchangeRegisters.RESUME;
    public static final int CONTROL_HALT = Abi.ExchangeRegisters.HALT;
    private static final int UNDEFINED_CONTROL_BITS = ~(CONTROL_SET_SP_IP | CONTROL_RESUME | CONTROL_HALT);

    private final ThreadTable threads;
    private final Scheduler scheduler;
    private final Rendezvous rendezvous;

    public ThreadCalls(ThreadTable threads, Scheduler scheduler, Rendezvous rendezvous) {
        this.threads = threads;
        this.scheduler = scheduler;
        this.rendezvous = rendezvous;
    }

    /** Yields the rest of the time slice, to {@code dest} first when it is ready. */
    public void threadSwitch(Thread caller, int dest) {
        scheduler.rotate(caller);
        if (dest != ThreadId.NIL) {
            Thread target = threads.lookup(dest);
            if (target != null) {
                scheduler.runNext(target);
            }
        }
    }

    /** Returns the result code for result 0; on success results 1 and 2 hold the old sp and ip. */
    public int exchangeRegisters(Thread caller, int dest, int control, int sp, int ip) {
        if ((control & UNDEFINED_CONTROL_BITS) != 0) {
            // P2: a bit the ABI does not define is a bad argument, refused before anything changes.
            return IpcError.INVALID_ARGUMENT.code();
        }
        CpuContext results = caller.context();
        Thread target = threads.lookup(dest);
        if (target == null) {
            return IpcError.NO_PARTNER.code();
        }
        if (target.task() != caller.task() && !caller.task().privileged()) {
            return IpcError.NOT_PERMITTED.code();
        }
        CpuContext registers = target.context();
        int oldSp = registers.stackPointer();
        int oldIp = registers.instructionPointer();
        if ((control & CONTROL_SET_SP_IP) != 0) {
            // As in L4 X.2: new registers cancel an IPC the thread is blocked in.
            cancelIpc(target);
            registers.setStackPointer(sp);
            registers.setInstructionPointer(ip);
        }
        if ((control & CONTROL_HALT) != 0) {
            cancelIpc(target);
            scheduler.block(target, ThreadState.HALTED);
        }
        if ((control & CONTROL_RESUME) != 0 && target.state() == ThreadState.HALTED) {
            scheduler.makeReady(target);
        }
        results.setResult(1, oldSp);
        results.setResult(2, oldIp);
        return 0;
    }

    private void cancelIpc(Thread target) {
        switch (target.state()) {
            // A source whose message a monitor holds is still in its send phase (M1).
            case SENDING, AWAITING_DELIVERY -> rendezvous.cancel(target, Phase.SEND);
            case RECEIVING -> rendezvous.cancel(target, Phase.RECEIVE);
            default -> { }
        }
    }
}
