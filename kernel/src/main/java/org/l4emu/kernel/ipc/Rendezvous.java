package org.l4emu.kernel.ipc;

import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * Where a send meets its receiver: message transfer (S5), completion of the send phase (which
 * starts a following receive phase in the same step, S4), final delivery and the unblocking rule
 * (M1, M2, M5), failures (S2), and cleaning up after a vanished partner.
 */
public final class Rendezvous {
    private final ThreadTable threads;
    private final Scheduler scheduler;
    private final TimeoutQueue timeouts;
    private final VirtualClock clock;
    private final Utcb utcb;
    private final KernelEvents events;
    private final ControllerNotifications notifications;
    private final MessageItems items;
    private IpcEngine engine;
    private FaultReplies faultReplies;

    Rendezvous(ThreadTable threads, Scheduler scheduler, TimeoutQueue timeouts, VirtualClock clock, Utcb utcb,
               KernelEvents events, MessageItems items) {
        this.items = items;
        this.threads = threads;
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.clock = clock;
        this.utcb = utcb;
        this.events = events;
        this.notifications = new ControllerNotifications(scheduler, timeouts, utcb, events);
    }

    void attach(IpcEngine engine, FaultReplies faultReplies) {
        this.engine = engine;
        this.faultReplies = faultReplies;
    }

    ControllerNotifications notifications() {
        return notifications;
    }

    /**
     * Transfers {@code send} to its next hop, which is receiving and accepts it. Returns false when
     * the delay timeout had expired (M5): then the receiver got nothing and keeps waiting.
     */
    boolean deliver(PendingSend send) {
        MonitoredIpc ipc = send.ipc();
        if (send.stage() == PendingSend.Stage.FINAL) {
            if (!ipc.checkedAgainstFinalReceiver()) {
                ipc.passFinalReceiverCheck(clock.now());
            }
            if (ipc.delayExpired(clock.now())) {
                endWithDelayTimeout(send);
                return false;
            }
        }
        Thread receiver = send.nextHop();
        if (items.carriesMappings(send.sender())) {
            IpcError error = items.transfer(send.sender(), receiver, receiver.faultIpc() != null);
            if (error != IpcError.NONE) {
                // S5: a receiver whose window cannot take a mapping gets the error, and so does the sender.
                fail(receiver, error, Phase.RECEIVE);
                failSend(send, error);
                return true;
            }
        }
        int dope = send.nextHopIsMonitor() ? monitorDope(send) : send.plainDope();
        transfer(send, receiver, dope);
        if (send.nextHopIsMonitor()) {
            writeMonitorWords(receiver, send);
        }
        afterReceipt(send);
        return true;
    }

    private static int monitorDope(PendingSend send) {
        return Dope.REDIRECTED_BIT | (send.deceit() ? Dope.DECEIT_BIT : 0) | send.optionDope();
    }

    private void transfer(PendingSend send, Thread receiver, int dope) {
        Thread sender = send.sender();
        int from = send.visibleFrom();
        int tag = utcb.tag(sender);
        int delivered = send.kernelMessage() ? tag : MessageTag.asDelivered(tag);
        utcb.write(receiver, Utcb.MR0, delivered);
        int words = MessageTag.wordCount(tag);
        utcb.copyMessageRegisters(sender, receiver, words);
        events.messageTransferred(sender, receiver, tag, words);
        receiver.setReceiveFrom(ThreadId.NIL);
        timeouts.cancel(receiver);
        scheduler.makeReady(receiver);
        events.delivered(sender, receiver, from, delivered, dope);
        setResults(receiver, from, dope);
    }

    /** IntendedReceiver, BlockedSource, ControllingMonitor and DelayTimeout for a monitor on the path (R2). */
    private void writeMonitorWords(Thread monitor, PendingSend send) {
        MonitoredIpc ipc = send.ipc();
        utcb.write(monitor, Utcb.INTENDED_RECEIVER, send.intendedReceiver().id());
        utcb.write(monitor, Utcb.BLOCKED_SOURCE, ipc == null ? ThreadId.NIL : idOf(ipc.blockedSource()));
        utcb.write(monitor, Utcb.CONTROLLING_MONITOR, ipc == null ? ThreadId.NIL : idOf(ipc.controllingMonitor()));
        utcb.write(monitor, Utcb.DELAY_TIMEOUT, ipc == null ? 0 : ipc.remainingDelayMicros(clock.now()));
    }

    private static int idOf(Thread thread) {
        return thread == null ? ThreadId.NIL : thread.id();
    }

    private void afterReceipt(PendingSend send) {
        Thread sender = send.sender();
        MonitoredIpc ipc = send.ipc();
        switch (send.stage()) {
            case DIRECT, BEYOND_FINAL -> completeSend(sender);
            case TO_MONITOR -> {
                if (ipc != null) {
                    ipc.setHolder(send.nextHop());
                }
                if (ipc != null && sender == ipc.blockedSource()) {
                    if (ipc.unreliable()) {
                        // M7: an unreliable send is done once the first hop has it.
                        detachBlockedSource(ipc);
                        completeSend(sender);
                    } else {
                        awaitDelivery(sender);
                    }
                } else {
                    completeSend(sender);
                }
            }
            case FINAL -> {
                ipc.markFinallyDelivered();
                Thread blocked = ipc.blockedSource();
                if (sender != blocked) {
                    completeSend(sender);
                }
                if (blocked != null) {
                    concludeForBlockedSource(ipc, send.nextHop(), IpcError.NONE);
                }
            }
        }
    }

    /** M5: the delay timeout expired before final delivery; nothing is delivered. */
    private void endWithDelayTimeout(PendingSend send) {
        MonitoredIpc ipc = send.ipc();
        Thread sender = send.sender();
        ipc.markFinallyDelivered();
        Thread blocked = ipc.blockedSource();
        if (sender != blocked) {
            fail(sender, IpcError.DELAY_TIMEOUT, Phase.SEND);
        }
        if (blocked != null) {
            concludeForBlockedSource(ipc, send.nextHop(), IpcError.DELAY_TIMEOUT);
        }
    }

    /**
     * M2 and M6: at final delivery (or an error there) a controlling monitor is notified and the
     * blocked source stays held; otherwise the blocked source is released or fails.
     */
    private void concludeForBlockedSource(MonitoredIpc ipc, Thread finalReceiver, IpcError error) {
        Thread blocked = ipc.blockedSource();
        switch (notifyController(ipc, blocked, finalReceiver, error)) {
            case NOTIFIED -> {
                if (blocked.state() != ThreadState.AWAITING_DELIVERY) {
                    awaitDelivery(blocked);
                }
                return;
            }
            case QUEUE_FULL -> {
                // P3: nobody could release the source, so its send ends with the quota's error.
                failBlockedSource(ipc, IpcError.MESSAGE_OVERFLOW, IpcError.MESSAGE_OVERFLOW.code(),
                        "controlling monitor's notification queue full");
                return;
            }
            case NO_CONTROLLER -> { }
        }
        if (error == IpcError.NONE) {
            release(ipc, "final delivery");
        } else {
            failBlockedSource(ipc, error, error.code(), "final delivery");
        }
    }

    private enum Notified { NO_CONTROLLER, NOTIFIED, QUEUE_FULL }

    /** Sends the controlling monitor, if there is a live one, a controller notification (M6). */
    private Notified notifyController(MonitoredIpc ipc, Thread blocked, Thread finalReceiver, IpcError error) {
        Thread controller = ipc.controllingMonitor();
        if (controller == null || !controller.isAlive()) {
            return Notified.NO_CONTROLLER;
        }
        boolean queued = notifications.notify(controller, new int[] {blocked.id(), ipc.trueSource().id(),
                finalReceiver.id(), error.code()});
        return queued ? Notified.NOTIFIED : Notified.QUEUE_FULL;
    }

    /** The blocked source's send completes successfully (M2, or option 3); {@code cause} is for observers. */
    void release(MonitoredIpc ipc, String cause) {
        Thread blocked = ipc.blockedSource();
        detachBlockedSource(ipc);
        events.blockedSourceEnded(blocked, 0, cause);
        completeSend(blocked);
    }

    /** The blocked source's send fails with {@code error}; {@code errorCode} goes to its ErrorCode word (M3). */
    void failBlockedSource(MonitoredIpc ipc, IpcError error, int errorCode, String cause) {
        Thread blocked = ipc.blockedSource();
        detachBlockedSource(ipc);
        withdraw(blocked);
        events.blockedSourceEnded(blocked, Dope.error(error, Phase.SEND), cause);
        fail(blocked, error, Phase.SEND);
        utcb.write(blocked, Utcb.ERROR_CODE, errorCode);
    }

    private static void detachBlockedSource(MonitoredIpc ipc) {
        Thread blocked = ipc.blockedSource();
        if (blocked != null && blocked.monitoredIpc() == ipc) {
            blocked.setMonitoredIpc(null);
        }
        ipc.setBlockedSource(null);
    }

    /** A monitor took the source's message: the source stays blocked until final delivery (M1). */
    private void awaitDelivery(Thread source) {
        source.setPendingSend(null);
        timeouts.cancel(source);
        scheduler.block(source, ThreadState.AWAITING_DELIVERY);
    }

    /** The send phase of {@code sender} succeeded: start its receive phase, or let it run. */
    void completeSend(Thread sender) {
        sender.setPendingSend(null);
        timeouts.cancel(sender);
        int from = sender.followingReceiveFrom();
        if (from != ThreadId.NIL) {
            engine.startReceive(sender, from, sender.followingReceiveTimeout());
            return;
        }
        scheduler.makeReady(sender);
        setResults(sender, ThreadId.NIL, 0);
    }

    /**
     * The IPC of {@code thread} ended: from and dope go to its result registers, unless the
     * kernel sent it on the thread's behalf (a fault), which then ends as the kernel decides.
     */
    private void setResults(Thread thread, int from, int dope) {
        if (thread.faultIpc() == null) {
            thread.context().setResult(0, from);
            thread.context().setResult(1, dope);
        } else if (Dope.errorCode(dope) == 0) {
            faultReplies.replied(thread);
        } else {
            faultReplies.failed(thread, dope);
        }
    }

    /** Ends {@code thread}'s IPC with {@code error}; a failed send phase has no receive phase (S4). */
    public void fail(Thread thread, IpcError error, Phase phase) {
        MonitoredIpc ipc = thread.monitoredIpc();
        if (ipc != null && phase == Phase.SEND) {
            detachBlockedSource(ipc);
        }
        thread.setPendingSend(null);
        thread.setFollowingReceive(ThreadId.NIL, 0);
        thread.setReceiveFrom(ThreadId.NIL);
        timeouts.cancel(thread);
        int dope = Dope.error(error, phase);
        scheduler.makeReady(thread);
        events.ipcFailed(thread, dope);
        if (thread.faultIpc() == null) {
            utcb.write(thread, Utcb.ERROR_CODE, error.code());
        }
        setResults(thread, ThreadId.NIL, dope);
    }

    /**
     * A send failed on its way: its sender learns. When the source's own send timeout ran out
     * while a source monitor's forward waited for the final receiver, the blocked source gets
     * error 1 as well (M4).
     */
    void failSend(PendingSend send, IpcError error) {
        send.dequeue();
        MonitoredIpc ipc = send.ipc();
        Thread sender = send.sender();
        boolean sourceTimeout = error == IpcError.TIMEOUT && ipc != null && !ipc.checkedAgainstFinalReceiver()
                && ipc.blockedSource() != null && ipc.blockedSource() != sender;
        if (sourceTimeout) {
            Thread blocked = ipc.blockedSource();
            failBlockedSource(ipc, IpcError.TIMEOUT, IpcError.TIMEOUT.code(), "send timeout at a source monitor");
            // M4 fails the source itself; a controlling monitor still hears of the error (M6).
            notifyController(ipc, blocked, send.intendedReceiver(), IpcError.TIMEOUT);
        }
        fail(sender, error, Phase.SEND);
    }

    /** Ends a blocked thread's IPC with error 3 (cancelled), as exchange_registers does. */
    public void cancel(Thread thread, Phase phase) {
        MonitoredIpc ipc = thread.monitoredIpc();
        if (thread.state() == ThreadState.AWAITING_DELIVERY && ipc != null) {
            // Its message goes on through the monitors, but final delivery will release nobody.
            failBlockedSource(ipc, IpcError.CANCELLED, IpcError.CANCELLED.code(), "cancelled");
            return;
        }
        withdraw(thread);
        fail(thread, IpcError.CANCELLED, phase);
    }

    /** Takes a SENDING thread's message out of the queue it waits in. */
    void withdraw(Thread sender) {
        PendingSend send = sender.pendingSend();
        if (send != null) {
            send.dequeue();
            sender.setPendingSend(null);
        }
    }

    /**
     * {@code gone} exited or was stopped: its own IPC is withdrawn, every partner waiting on it
     * learns with error 2 (S2), and an IPC it was the blocked source of unblocks nobody.
     */
    public void partnerGone(Thread gone) {
        withdraw(gone);
        timeouts.cancel(gone);
        if (gone.monitoredIpc() != null) {
            detachBlockedSource(gone.monitoredIpc());
        }
        gone.notifications().clear();
        while (!gone.incoming().isEmpty()) {
            failSend(gone.incoming().peekFirst(), IpcError.NO_PARTNER);
        }
        while (!gone.readinessWaiters().isEmpty()) {
            failSend(gone.readinessWaiters().peekFirst(), IpcError.NO_PARTNER);
        }
        for (Thread thread : threads.all()) {
            if (thread.state() == ThreadState.RECEIVING && thread.receiveFrom() == gone.id() && thread != gone) {
                fail(thread, IpcError.NO_PARTNER, Phase.RECEIVE);
            }
        }
        releaseIpcsHeldBy(gone);
    }

    /**
     * A monitor vanished: an IPC it held before final delivery can never be delivered, so its
     * blocked source fails with error 2 (S2, M1); a source held only for a dead controlling
     * monitor's decision is released, as its message was delivered (M2 without a controller).
     */
    private void releaseIpcsHeldBy(Thread gone) {
        for (Thread thread : threads.all()) {
            MonitoredIpc ipc = thread.monitoredIpc();
            if (thread.state() != ThreadState.AWAITING_DELIVERY || ipc == null || ipc.blockedSource() != thread) {
                continue;
            }
            if (!ipc.finallyDelivered() && ipc.holder() == gone) {
                failBlockedSource(ipc, IpcError.NO_PARTNER, IpcError.NO_PARTNER.code(), gone.name() + " died");
            } else if (ipc.finallyDelivered() && ipc.controllingMonitor() == gone) {
                release(ipc, "controlling monitor " + gone.name() + " died");
            }
        }
    }
}
