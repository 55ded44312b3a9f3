package org.l4emu.kernel.ipc;

import java.util.ArrayDeque;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.redirect.MonitorPath;

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
    /** The monitors still ahead of the next hop. */
    private final MonitorPath remaining = new MonitorPath();
    // Not final: a thread's one record is refilled for each of its sends (see begin()).
    private int visibleFrom;
    private MonitoredIpc ipc;
    private int optionDope;
    private boolean deceit;
    private Thread intendedReceiver;
    private int plainDope;
    private int senderTimeout;
    private Thread nextHop;
    private boolean nextHopIsMonitor;
    private Stage stage;
    private ArrayDeque<PendingSend> queue;
    /** MR0.. of a message the kernel composed (a fault message), or null: the sender's UTCB holds it. */
    private int[] kernelWords;
    /** Option 2: the monitored IPC whose notification this passes on (M6), or null. */
    private MonitoredIpc passesControlOf;

    private PendingSend(Thread sender) {
        this.sender = sender;
    }

    /**
     * {@code sender}'s own send straight to {@code receiver}, no monitor on the way: the common
     * IPC. {@code plainDope} is what the receiver sees (0, or a passed-on notification's).
     */
    static PendingSend direct(Thread sender, Thread receiver, int plainDope, int senderTimeout) {
        PendingSend send = begin(sender, sender.id(), receiver, null, 0, plainDope, false, senderTimeout);
        send.aim(receiver, false, Stage.DIRECT);
        return send;
    }

    /**
     * {@code sender}'s send of a monitored IPC, or of a monitor's forward that continues none
     * ({@code ipc} null), seen as from {@code visibleFrom}. The caller puts the monitors ahead
     * into {@link #remaining()} before routing it.
     */
    static PendingSend monitored(Thread sender, int visibleFrom, Thread intendedReceiver, MonitoredIpc ipc,
                                 int optionDope, boolean deceit, int senderTimeout) {
        return begin(sender, visibleFrom, intendedReceiver, ipc, optionDope, 0, deceit, senderTimeout);
    }

    /**
     * A thread is in one send phase at a time, and once that phase has ended (delivered, failed
     * or cancelled) its record is out of every queue and nothing reads it any more (the monitored
     * IPC it still names is never followed from it), so each thread refills one record for all
     * its sends and an IPC allocates none.
     */
    private static PendingSend begin(Thread sender, int visibleFrom, Thread intendedReceiver, MonitoredIpc ipc,
                                     int optionDope, int plainDope, boolean deceit, int senderTimeout) {
        PendingSend send = sender.sendRecord();
        if (send == null) {
            send = new PendingSend(sender);
            sender.setSendRecord(send);
        } else if (send.queue != null) {
            throw new IllegalStateException(sender + " starts a send while its last one still waits");
        }
        send.visibleFrom = visibleFrom;
        send.intendedReceiver = intendedReceiver;
        send.ipc = ipc;
        send.optionDope = optionDope;
        send.plainDope = plainDope;
        send.deceit = deceit;
        send.senderTimeout = senderTimeout;
        send.kernelWords = null;
        send.passesControlOf = null;
        send.remaining.clear();
        send.aim(null, false, null);
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

    /** The monitors still ahead of the next hop, refilled in place. */
    MonitorPath remaining() {
        return remaining;
    }

    /** Sets the next hop; the caller has taken it out of {@link #remaining()} if it was a monitor there. */
    void aim(Thread hop, boolean isMonitor, Stage stage) {
        this.nextHop = hop;
        this.nextHopIsMonitor = isMonitor;
        this.stage = stage;
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

    /**
     * Option 2 (M6): this send passes on the notification of {@code passed}, the IPC of the
     * blocked source its MR1 named; when its receiver receives it, the receiver controls that IPC
     * again if it controlled it before and the sender controls it now.
     */
    void passControlOf(MonitoredIpc passed) {
        passesControlOf = passed;
    }

    /** The monitored IPC whose notification this option 2 send passes on, or null. */
    MonitoredIpc passesControlOf() {
        return passesControlOf;
    }

    /** The monitored IPC a waiting send keeps its record from being refilled for (MonitoredIpc.begin). */
    private MonitoredIpc referencedIpc() {
        return ipc != null ? ipc : passesControlOf;
    }

    /** Records the queue this send waits in (a next hop's incoming queue or readiness waiters). */
    void enqueue(ArrayDeque<PendingSend> into) {
        into.addLast(this);
        queue = into;
        MonitoredIpc referenced = referencedIpc();
        if (referenced != null) {
            referenced.sendQueued();
        }
    }

    /** Takes this send out of the queue it waits in, if any. */
    void dequeue() {
        if (queue != null) {
            queue.remove(this);
            queue = null;
            MonitoredIpc referenced = referencedIpc();
            if (referenced != null) {
                referenced.sendDequeued();
            }
        }
    }

    /** True when a receiver waiting with {@code receiveFrom} takes this message. */
    public boolean matches(int receiveFrom) {
        return receiveFrom == ThreadId.ANY || receiveFrom == visibleFrom;
    }
}
