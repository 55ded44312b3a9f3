package org.l4emu.kernel.fault;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.Trap;
import org.l4emu.kernel.boot.SystemBuilder;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.FaultReplies;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.IpcEngine;
import org.l4emu.kernel.ipc.MessageTag;
import org.l4emu.kernel.memory.AccessBits;
import org.l4emu.kernel.memory.Sigma0;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.FaultIpc;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadTable;

/**
 * Faults become IPC (S6): a page fault goes to the thread's pager (UTCB word 101) — sigma0
 * inside the kernel, or a guest pager as a message with label 0xFFE0 | rwx, MR1 the address
 * and MR2 the ip — and a CPU exception to its exception handler (word 102) as label 0xFFC0 with
 * MR1 ip, MR2 sp, MR3 the exception code and MR4 the address (the table's Abi.PageFault and
 * Abi.ExceptionMessage). The thread resumes when the handler replies; what nothing resolves goes
 * to {@link Unhandled}.
 */
public final class FaultHandler implements FaultReplies {
    /** Where faults that nothing resolves end up. */
    public interface Unhandled {
        void fault(Thread thread, Trap trap);
    }

    private final ThreadTable threads;
    private final Utcb utcb;
    private final Sigma0 sigma0;
    private final IpcEngine ipc;
    private final Unhandled unhandled;

    public FaultHandler(ThreadTable threads, Utcb utcb, Sigma0 sigma0, IpcEngine ipc, Unhandled unhandled) {
        this.threads = threads;
        this.utcb = utcb;
        this.sigma0 = sigma0;
        this.ipc = ipc;
        this.unhandled = unhandled;
    }

    public void pageFault(Thread thread, Trap.PageFault fault) {
        int pagerId = utcb.read(thread, Utcb.PAGER);
        if (pagerId == SystemBuilder.SIGMA0_ID) {
            if (!resolveBySigma0(thread, fault)) {
                unhandled.fault(thread, fault);
            }
            return;
        }
        int[] message = new int[1 + Abi.PageFault.WORDS];
        message[0] = kernelTag(Abi.PageFault.LABEL | AccessBits.of(fault.access()), Abi.PageFault.WORDS);
        message[Abi.PageFault.ADDRESS_MR] = fault.address();
        message[Abi.PageFault.IP_MR] = fault.instructionPointer();
        send(thread, pagerId, FaultIpc.Kind.PAGE_FAULT, fault, message);
    }

    public void exception(Thread thread, Trap.CpuException exception) {
        int[] message = new int[1 + Abi.ExceptionMessage.WORDS];
        message[0] = kernelTag(Abi.ExceptionMessage.LABEL, Abi.ExceptionMessage.WORDS);
        message[Abi.ExceptionMessage.IP_MR] = exception.instructionPointer();
        message[Abi.ExceptionMessage.SP_MR] = thread.context().stackPointer();
        message[Abi.ExceptionMessage.CODE_MR] = ExceptionCodes.of(exception.kind());
        message[Abi.ExceptionMessage.ADDRESS_MR] = exception.address();
        send(thread, utcb.read(thread, Utcb.EXCEPTION_HANDLER), FaultIpc.Kind.EXCEPTION, exception, message);
    }

    private static int kernelTag(int label, int untypedWords) {
        return MessageTag.make(label, MessageTag.KERNEL_FLAG, 0, untypedWords);
    }

    private boolean resolveBySigma0(Thread thread, Trap.PageFault fault) {
        try {
            return sigma0.resolve(thread.task(), fault.address());
        } catch (OutOfPhysicalMemoryException e) {
            return false;
        }
    }

    /**
     * Sends the fault message (MR0 first) on the thread's behalf (S6): through the monitors of its
     * path and under its allow rules, exactly as its own send. A fault IPC that may not be sent,
     * or whose handler is gone, leaves the fault unresolved.
     */
    private void send(Thread thread, int handlerId, FaultIpc.Kind kind, Trap trap, int[] message) {
        Thread handler = threads.lookup(handlerId);
        if (handler == null || handler == thread) {
            unhandled.fault(thread, trap);
            return;
        }
        thread.setFaultIpc(new FaultIpc(kind, trap, this));
        if (!ipc.kernelCall(thread, handler, message)) {
            thread.setFaultIpc(null);
            unhandled.fault(thread, trap);
        }
    }

    @Override
    public void replied(Thread thread, int untypedWords, int word1, int word2) {
        FaultIpc fault = thread.faultIpc();
        thread.setFaultIpc(null);
        if (fault.kind() == FaultIpc.Kind.EXCEPTION && untypedWords >= Abi.ExceptionMessage.RESUME_WORDS) {
            // The handler chose where the thread goes on: MR1 ip, MR2 sp.
            thread.context().setInstructionPointer(word1);
            thread.context().setStackPointer(word2);
        }
    }

    @Override
    public void failed(Thread thread, int dope) {
        FaultIpc fault = thread.faultIpc();
        thread.setFaultIpc(null);
        if (Dope.errorCode(dope) == IpcError.CANCELLED.code()) {
            // exchange_registers ended the fault IPC (L4 X.2): it sets the thread going or halts it.
            return;
        }
        unhandled.fault(thread, fault.trap());
    }
}
