package org.l4emu.kernel.fault;

import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.Trap;
import org.l4emu.kernel.boot.SystemBuilder;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.FaultReplies;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.IpcEngine;
import org.l4emu.kernel.ipc.MessageTag;
import org.l4emu.kernel.memory.Sigma0;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.FaultIpc;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadTable;

/**
 * Faults become IPC (S6): a page fault goes to the thread's pager (UTCB word 101) — sigma0
 * inside the kernel, or a guest pager as a message with label 0xFFE0 | rwx, MR1 the address
 * and MR2 the ip — and a CPU exception to its exception handler (word 102) as label 0xFFC0 with
 * MR1 ip, MR2 sp, MR3 the exception code and MR4 the address. The thread resumes when the
 * handler replies; what nothing resolves goes to {@link Unhandled}.
 */
public final class FaultHandler implements FaultReplies {
    static final int PAGE_FAULT_LABEL = 0xFFE0;
    static final int EXCEPTION_LABEL = 0xFFC0;
    private static final int PAGE_FAULT_WORDS = 2;
    private static final int EXCEPTION_WORDS = 4;

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
        int label = PAGE_FAULT_LABEL | fault.access().bits();
        send(thread, pagerId, FaultIpc.Kind.PAGE_FAULT, fault, label,
                new int[] {fault.address(), fault.instructionPointer()});
    }

    public void exception(Thread thread, Trap.CpuException exception) {
        int sp = thread.context().stackPointer();
        send(thread, utcb.read(thread, Utcb.EXCEPTION_HANDLER), FaultIpc.Kind.EXCEPTION, exception, EXCEPTION_LABEL,
                new int[] {exception.instructionPointer(), sp, exceptionCode(exception.kind()), exception.address()});
    }

    /** The code in MR3 of an exception message. */
    static int exceptionCode(Trap.Kind kind) {
        return kind.ordinal() + 1;
    }

    private boolean resolveBySigma0(Thread thread, Trap.PageFault fault) {
        try {
            return sigma0.resolve(thread.task(), fault.address());
        } catch (OutOfPhysicalMemoryException e) {
            return false;
        }
    }

    /**
     * Sends the fault message on the thread's behalf (S6): through the monitors of its path and
     * under its allow rules, exactly as its own send. A fault IPC that may not be sent, or whose
     * handler is gone, leaves the fault unresolved.
     */
    private void send(Thread thread, int handlerId, FaultIpc.Kind kind, Trap trap, int label, int[] words) {
        Thread handler = threads.lookup(handlerId);
        if (handler == null || handler == thread) {
            unhandled.fault(thread, trap);
            return;
        }
        int[] message = new int[1 + words.length];
        message[0] = MessageTag.make(label, MessageTag.KERNEL_FLAG, 0, words.length);
        System.arraycopy(words, 0, message, 1, words.length);
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
        if (fault.kind() == FaultIpc.Kind.EXCEPTION && untypedWords >= 2) {
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
