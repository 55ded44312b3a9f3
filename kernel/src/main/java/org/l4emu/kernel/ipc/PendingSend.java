package org.l4emu.kernel.ipc;

import java.util.ArrayDeque;
import java.util.List;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.redirect.PathHop;

/**
 * One send phase on its way to its next hop: who sends (its MRs are the message), whom receivers
 * will see as the sender, the final destination, and the monitors still ahead.
 */
public final class PendingSend {
    /** What reaching the next hop means for the IPC. */
    public enum Stage {
        /** No monitor involved: an ordinary L4 IPC. */
        DIRECT,
        /** The next hop is a source- or system-class monitor. */
        TO_MONITOR,
        /** The next hop is the final receiver (M4, M8): D or the first destination-class monitor. */
        FINAL,
        /** Past final delivery: later destination-class monitors or D behind them. */
        BEYOND_FINAL
    }

    private final Thread sender;
    private final int visibleFrom;
    private final MonitoredIpc ipc;
    private final int optionDope;
    private final boolean deceit;
    // Not final: a direct send record is reused (see direct()).
    private Thread intendedReceiver;
    private int plainDope;
    private int senderTimeout;
    private List<PathHop> remaining;
    private Thread nextHop;
    private boolean nextHopIsMonitor;
    private Stage stage;
    private ArrayDeque<PendingSend> queue;
    /** MR0.. of a message the kernel composed (a fault message), or null: the sender's UTCB holds it. */
    private int[] kernelWords;

    PendingSend(Thread sender, int visibleFrom, Thread intendedReceiver, MonitoredIpc ipc, List<PathHop> remaining,
                int optionDope, int plainDope, boolean deceit, int senderTimeout) {
        this.sender = sender;
        this.visibleFrom = visibleFrom;
        this.intendedReceiver = intendedReceiver;
        this.ipc = ipc;
        this.remaining = remaining;
        this.optionDope = optionDope;
        this.plainDope = plainDope;
        this.deceit = deceit;
        this.senderTimeout = senderTimeout;
    }

    /**
     * {@code sender}'s own send straight to {@code receiver}, no monitor on the way: the common
     * IPC. A thread is in one send phase at a time, and once that phase has ended (delivered,
     * failed or cancelled) nothing refers to its record any more, so each thread reuses one
     * record for all its direct sends and the common IPC allocates nothing. {@code plainDope}
     * is what the receiver sees (0, or a passed-on notification's).
     */
    static PendingSend direct(Thread sender, Thread receiver, int plainDope, int senderTimeout) {
        PendingSend send = sender.directSendRecord();
        if (send == null) {
            send = new PendingSend(sender, sender.id(), receiver, null, List.of(), 0, plainDope, false, senderTimeout);
            sender.setDirectSendRecord(send);
        }
        send.intendedReceiver = receiver;
        send.plainDope = plainDope;
        send.senderTimeout = senderTimeout;
        send.kernelWords = null;
        send.aim(receiver, false, Stage.DIRECT, List.of());
        return send;
    }

    public Thread sender() {
        return sender;
    }

    public int visibleFrom() {
        return visibleFrom;
    }

    public Thread intendedReceiver() {
        return intendedReceiver;
    }

    /** The monitored IPC this send carries, or null for an IPC no monitor waits on. */
    public MonitoredIpc ipc() {
        return ipc;
    }

    public Thread nextHop() {
        return nextHop;
    }

    public boolean nextHopIsMonitor() {
        return nextHopIsMonitor;
    }

    public Stage stage() {
        return stage;
    }

    /** The dope bits O and option that a monitor receiving this message sees. */
    int optionDope() {
        return optionDope;
    }

    /** The dope a receiver that is not a monitor on the path sees: 0, or 0x5 for a passed-on notification. */
    int plainDope() {
        return plainDope;
    }

    boolean deceit() {
        return deceit;
    }

    /** The sender's own send timeout (16-bit encoding). */
    int senderTimeout() {
        return senderTimeout;
    }

    List<PathHop> remaining() {
        return remaining;
    }

    void aim(Thread hop, boolean isMonitor, Stage stage, List<PathHop> remainingAfterHop) {
        this.nextHop = hop;
        this.nextHopIsMonitor = isMonitor;
        this.stage = stage;
        this.remaining = remainingAfterHop;
    }

    /**
     * The kernel composed this message (a fault message, S6): it is delivered from here, with
     * its flag bits, and never read from the sender's UTCB, which its task may rewrite.
     */
    void carryKernelMessage(int[] words) {
        kernelWords = words;
    }

    /** MR0.. of a kernel-composed message, or null when the sender's UTCB holds the message. */
    int[] kernelWords() {
        return kernelWords;
    }

    /** Records the queue this send waits in (a next hop's incoming queue or readiness waiters). */
    void enqueue(ArrayDeque<PendingSend> into) {
        into.addLast(this);
        queue = into;
    }

    /** Takes this send out of the queue it waits in, if any. */
    void dequeue() {
        if (queue != null) {
            queue.remove(this);
            queue = null;
        }
    }

    /** True when a receiver waiting with {@code receiveFrom} takes this message. */
    public boolean matches(int receiveFrom) {
        return receiveFrom == ThreadId.ANY || receiveFrom == visibleFrom;
    }
}
