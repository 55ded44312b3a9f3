package org.l4emu.kernel.ipc;

import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.redirect.MonitorPath;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * Moves a send toward its next hop along the monitors still ahead of it (R2): into source-class
 * monitors without a timeout, through the check against the final receiver (M4), into
 * system-class monitors, and on to the final receiver (M8) and beyond.
 */
final class SendRouter {
    private static final int NEVER = 0;

    private final Scheduler scheduler;
    private final TimeoutQueue timeouts;
    private final VirtualClock clock;
    private final Rendezvous rendezvous;
    private final KernelEvents events;

    SendRouter(Scheduler scheduler, TimeoutQueue timeouts, VirtualClock clock, Rendezvous rendezvous,
               KernelEvents events) {
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.clock = clock;
        this.rendezvous = rendezvous;
        this.events = events;
    }

    void route(PendingSend send) {
        route(send, Thread.NO_DEADLINE);
    }

    /**
     * As {@link #route(PendingSend)}, for a forward that took over a source's own send still
     * waiting (R3, M9) with {@code sourceDeadline} left of its send timeout: M4 counts that
     * timeout from the source's own send, so the forward's wait at the M4 check ends by then at
     * the latest. Only that wait: a hop into a source-class monitor has no timeout, and the check
     * comes when the last of them forwards.
     */
    void route(PendingSend send, long sourceDeadline) {
        MonitorPath remaining = send.remaining();
        MonitoredIpc ipc = send.ipc();
        if (remaining.startsWith(MonitorClass.SOURCE)) {
            // Source-class monitors act for the source and receive without a timeout (M4, M8).
            aimAtMonitor(send, PendingSend.Stage.TO_MONITOR);
            offer(send, NEVER);
            return;
        }
        boolean crossing = ipc != null && !ipc.checkedAgainstFinalReceiver();
        boolean systemAhead = remaining.startsWith(MonitorClass.SYSTEM);
        if (crossing && systemAhead) {
            if (failedAsGone(send, remaining.monitor(0))) {
                return; // a dead system monitor ahead fails the IPC at once, not after the M4 wait (S2)
            }
            Thread finalReceiver = finalReceiver(send);
            if (!finalReceiver.accepts(send.visibleFrom())) {
                waitForFinalReceiver(send, finalReceiver, ipc.sourceSendTimeout(), sourceDeadline);
                return;
            }
            ipc.passFinalReceiverCheck(clock.now());
        }
        if (systemAhead) {
            // Trusted system monitors are assumed to come: no timeout for the source past M4, also
            // when its IPC waited at the check (finalReceiverReady). A source-class monitor's
            // forward is the monitor's own send, under its own timeouts (R3).
            aimAtMonitor(send, PendingSend.Stage.TO_MONITOR);
            offer(send, isSourcesOwnSend(send) ? NEVER : send.senderTimeout());
            return;
        }
        aimAtFinalSide(send);
        if (crossing) {
            offer(send, ipc.sourceSendTimeout(), sourceDeadline);
        } else {
            offer(send, send.senderTimeout());
        }
    }

    /** The final receiver's readiness was awaited and is here: the IPC passes on to the system monitors. */
    void finalReceiverReady(PendingSend send) {
        send.dequeue();
        send.ipc().passFinalReceiverCheck(clock.now());
        route(send);
    }

    private void aimAtFinalSide(PendingSend send) {
        MonitoredIpc ipc = send.ipc();
        PendingSend.Stage stage = ipc == null
                ? PendingSend.Stage.DIRECT
                : ipc.finallyDelivered() ? PendingSend.Stage.BEYOND_FINAL : PendingSend.Stage.FINAL;
        if (send.remaining().isEmpty()) {
            send.aim(send.intendedReceiver(), false, stage);
        } else {
            aimAtMonitor(send, stage);
        }
    }

    private void aimAtMonitor(PendingSend send, PendingSend.Stage stage) {
        MonitorPath remaining = send.remaining();
        Thread monitor = remaining.monitor(0);
        MonitorClass monitorClass = remaining.monitorClass(0);
        remaining.removeFirst();
        send.aim(monitor, true, stage);
        // A monitor that died after the path was made gets no message: the offer fails the IPC
        // with error 2. Observers hear of no redirection to it, whose thread they may have let go.
        if (monitor.isAlive()) {
            events.redirected(send.sender(), send.visibleFrom(), send.intendedReceiver(), monitor, monitorClass);
        }
    }

    /** The blocked source's own send, not a monitor's forward of its IPC. */
    private static boolean isSourcesOwnSend(PendingSend send) {
        MonitoredIpc ipc = send.ipc();
        return ipc != null && send.sender() == ipc.blockedSource();
    }

    /** D, or the first destination-class monitor ahead (M4, M8). */
    private static Thread finalReceiver(PendingSend send) {
        return send.remaining().first(MonitorClass.DESTINATION, send.intendedReceiver());
    }

    /** Delivers to the next hop if it is receiving, else waits for it under {@code timeout} (16-bit encoding). */
    void offer(PendingSend send, int timeout) {
        offer(send, timeout, Thread.NO_DEADLINE);
    }

    /** As {@link #offer(PendingSend, int)}, waiting no later than {@code latestDeadline}. */
    private void offer(PendingSend send, int timeout, long latestDeadline) {
        Thread hop = send.nextHop();
        if (failedAsGone(send, hop)) {
            return;
        }
        if (hop.accepts(send.visibleFrom())) {
            rendezvous.deliver(send);
            return;
        }
        if (Timeout.isZero(timeout)) {
            rendezvous.failSend(send, IpcError.TIMEOUT);
            return;
        }
        block(send, hop, timeout, latestDeadline, false);
    }

    private void waitForFinalReceiver(PendingSend send, Thread finalReceiver, int timeout, long latestDeadline) {
        if (failedAsGone(send, finalReceiver)) {
            return;
        }
        if (Timeout.isZero(timeout)) {
            rendezvous.failSend(send, IpcError.TIMEOUT);
            return;
        }
        block(send, finalReceiver, timeout, latestDeadline, true);
    }

    /**
     * A rule can still name a monitor that has died: the IPC fails with error 2 rather than
     * waiting in a dead thread's queue, or slipping past the monitor (S2, fail-closed).
     */
    private boolean failedAsGone(PendingSend send, Thread waitedFor) {
        if (waitedFor.isAlive()) {
            return false;
        }
        rendezvous.failSend(send, IpcError.NO_PARTNER);
        return true;
    }

    private void block(PendingSend send, Thread waitedFor, int timeout, long latestDeadline, boolean forReadiness) {
        Thread sender = send.sender();
        send.enqueue(forReadiness ? waitedFor.readinessWaiters() : waitedFor.incoming());
        sender.setPendingSend(send);
        scheduler.block(sender, ThreadState.SENDING);
        timeouts.schedule(sender, Math.min(Timeout.deadline(timeout, clock.now()), latestDeadline));
    }
}
