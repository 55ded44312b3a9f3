package org.l4emu.kernel.ipc;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.redirect.MonitorPath;
import org.l4emu.kernel.system.MonitorClass;

/**
 * One IPC on its way through monitors, from the true source's send to final delivery (M1): whose
 * send waits for it, where it is going, who controls the unblocking, and its timing state.
 */
public final class MonitoredIpc {
    private final Thread trueSource;
    private final List<Thread> controllers = new ArrayList<>(2);
    private final MonitorPath path = new MonitorPath();
    // Not final: a source refills its record for its next monitored IPC once nothing refers to it (see begin()).
    private int sourceSendTimeout;
    private boolean unreliable;
    private boolean kernelMessage;
    private Thread blockedSource;
    private Thread destination;
    private Thread controllingMonitor;
    private long delayMicros;
    private long checkedAt;
    private boolean checkedAgainstFinalReceiver;
    private boolean finallyDelivered;
    /** M7 released the source as the first hop received the message (not an ending: the IPC goes on). */
    private boolean releasedOnFirstHop;
    private Thread holder;
    private int claimedSource;
    private Ending heldEnding;
    /** Sends carrying this IPC that wait in a queue (PendingSend.enqueue). */
    private int queuedSends;

    private MonitoredIpc(Thread trueSource) {
        this.trueSource = trueSource;
    }

    /**
     * A new monitored IPC of {@code source} to {@code destination} along {@code path}, and the
     * source blocked in it. The source's last record is refilled when nothing can reach it any
     * more: it is no thread's blocked IPC, no send carrying it waits in a queue, and it is not
     * an unreliable send's IPC that monitors still carry on after releasing its source. Sends that
     * carried it and have ended still name it, but nothing follows that name; a monitor that
     * forwards later finds the source's IPC through the source (M1), as it would without reuse.
     * While a send carrying it waits (a monitor's forward still queued after the source was
     * cancelled, say), the source gets a new record, so two IPCs never share one.
     */
    static MonitoredIpc begin(Thread source, Thread destination, MonitorPath path, int sourceSendTimeout,
                              boolean unreliable, long delayMicros, boolean kernelMessage) {
        MonitoredIpc ipc = source.monitoredIpcRecord();
        if (ipc == null || ipc.blockedSource != null || ipc.queuedSends > 0 || ipc.releasedInFlight()) {
            ipc = new MonitoredIpc(source);
            source.setMonitoredIpcRecord(ipc);
        }
        ipc.controllers.clear();
        ipc.path.copyFrom(path, 0);
        ipc.sourceSendTimeout = sourceSendTimeout;
        ipc.unreliable = unreliable;
        ipc.kernelMessage = kernelMessage;
        ipc.blockedSource = source;
        ipc.destination = destination;
        ipc.controllingMonitor = null;
        ipc.delayMicros = delayMicros;
        ipc.checkedAt = 0;
        ipc.checkedAgainstFinalReceiver = false;
        ipc.finallyDelivered = false;
        ipc.releasedOnFirstHop = false;
        ipc.holder = null;
        ipc.claimedSource = source.id();
        ipc.heldEnding = null;
        source.setMonitoredIpc(ipc);
        return ipc;
    }

    void sendQueued() {
        queuedSends++;
    }

    void sendDequeued() {
        queuedSends--;
    }

    public Thread trueSource() {
        return trueSource;
    }

    /** The true source as the last hop saw it: a deceit forward may name another (R3, M6 MR2). */
    int claimedSource() {
        return claimedSource;
    }

    void setClaimedSource(int source) {
        claimedSource = source;
    }

    /** How the IPC ended for its blocked source, which is held for the controlling monitor (M6). */
    record Ending(IpcError error, int errorCode, String cause) {}

    /** The ending the blocked source is held after, or null while it is not held. */
    Ending heldEnding() {
        return heldEnding;
    }

    void hold(Ending ending) {
        heldEnding = ending;
    }

    /**
     * A fault message the kernel sent on the source's behalf (S6): monitors forward it with the
     * kernel flag, so that the handler sees it as it would without them (R4).
     */
    boolean kernelMessage() {
        return kernelMessage;
    }

    /** D, or the first destination-class monitor on the path (M4, M8). */
    Thread finalReceiver() {
        return path.first(MonitorClass.DESTINATION, destination);
    }

    /** The thread whose send waits for final delivery, or null once released or gone. */
    public Thread blockedSource() {
        return blockedSource;
    }

    void setBlockedSource(Thread blockedSource) {
        this.blockedSource = blockedSource;
    }

    public Thread destination() {
        return destination;
    }

    public Thread controllingMonitor() {
        return controllingMonitor;
    }

    /** M6: the last monitor to forward with option 6 or 7 controls; those before it are remembered. */
    void setControllingMonitor(Thread controllingMonitor) {
        controllingMonitor.markMonitoredIpcs();
        controllers.remove(controllingMonitor);
        controllers.add(controllingMonitor);
        this.controllingMonitor = controllingMonitor;
    }

    /**
     * M6: the controlling monitor passed its notification on to {@code earlier}, which controlled
     * the IPC before it: the decision is that monitor's now. Returns false, changing nothing,
     * when {@code from} does not control the IPC or {@code earlier} never did.
     */
    boolean handControlBack(Thread from, Thread earlier) {
        int at = controllers.indexOf(earlier);
        if (from != controllingMonitor || at < 0 || earlier == from) {
            return false;
        }
        controllers.subList(at + 1, controllers.size()).clear();
        controllingMonitor = earlier;
        return true;
    }

    /** The monitors of the IPC's current path (R5); the record's own, not to be kept. */
    MonitorPath path() {
        return path;
    }

    public boolean onPath(Thread monitor) {
        return path.contains(monitor);
    }

    int sourceSendTimeout() {
        return sourceSendTimeout;
    }

    boolean unreliable() {
        return unreliable;
    }

    /**
     * M7 released the source as the first hop received its message, but the IPC goes on through
     * the monitors to final delivery, and its delay timeout still holds there (M5). An unreliable
     * send that ended otherwise (an error, before any hop released it) is over, as any IPC is.
     */
    boolean releasedInFlight() {
        return releasedOnFirstHop && !finallyDelivered;
    }

    /** M7: the first hop received the unreliable send; its source is released, the IPC goes on. */
    void markReleasedOnFirstHop() {
        releasedOnFirstHop = true;
    }

    boolean checkedAgainstFinalReceiver() {
        return checkedAgainstFinalReceiver;
    }

    /** The M4 check passed at {@code now}: the delay timeout counts from here (M5). */
    void passFinalReceiverCheck(long now) {
        checkedAgainstFinalReceiver = true;
        checkedAt = now;
    }

    /** A forwarding monitor's delay timeout: the smallest of all wins, still counted from the M4 check (M5). */
    void limitDelay(long micros) {
        if (micros > 0 && (delayMicros == 0 || micros < delayMicros)) {
            delayMicros = micros;
        }
    }

    private long delayDeadline() {
        if (delayMicros == 0 || !checkedAgainstFinalReceiver) {
            return Thread.NO_DEADLINE;
        }
        return checkedAt + delayMicros * 1000;
    }

    boolean delayExpired(long now) {
        return now > delayDeadline();
    }

    /** Remaining delay timeout in whole µs for a monitor's UTCB (0 = none, at least 1 while set). */
    int remainingDelayMicros(long now) {
        long deadline = delayDeadline();
        if (deadline == Thread.NO_DEADLINE) {
            return (int) Math.min(Integer.MAX_VALUE, delayMicros);
        }
        long remaining = (deadline - now + 999) / 1000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining));
    }

    /**
     * The monitor of the path that received this IPC last: before final delivery, the one that
     * has not passed it on to the next one yet.
     */
    Thread holder() {
        return holder;
    }

    void setHolder(Thread holder) {
        this.holder = holder;
        holder.markMonitoredIpcs();
    }

    boolean finallyDelivered() {
        return finallyDelivered;
    }

    void markFinallyDelivered() {
        finallyDelivered = true;
    }

    /**
     * A monitor forwards to {@code newDestination}: the path keeps what lies up to and including
     * the forwarder and continues with {@code rest} (R5).
     */
    void redirect(Thread forwarder, Thread newDestination, MonitorPath rest) {
        path.truncate(path.indexOf(forwarder) + 1);
        path.addFrom(rest, 0);
        destination = newDestination;
    }
}
