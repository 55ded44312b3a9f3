package org.l4emu.kernel.ipc;

import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.FaultIpc;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * Where a send meets its receiver: message transfer (S5), completion of the send phase (which
 * starts a following receive phase in the same step, S4), final delivery and the unblocking rule
 * (M1, M2, M5), failures (S2), and cleaning up after a vanished partner.
 */
public final class Rendezvous {
    private static final MonitoredIpc.Ending DELIVERED = new MonitoredIpc.Ending(IpcError.NONE, 0, "final delivery");
    private static final MonitoredIpc.Ending DELAY_TIMED_OUT = new MonitoredIpc.Ending(IpcError.DELAY_TIMEOUT,
            IpcError.DELAY_TIMEOUT.code(), "expired at final delivery");

    private final ThreadTable threads;
    private final Scheduler scheduler;
    private final TimeoutQueue timeouts;
    private final VirtualClock clock;
    private final Utcb utcb;
    private final KernelEvents events;
    private final ControllerNotifications notifications;
    private final MessageItems items;
    private final ReceivePhase receivePhase;

    Rendezvous(ThreadTable threads, Scheduler scheduler, TimeoutQueue timeouts, VirtualClock clock, Utcb utcb,
               KernelEvents events, MessageItems items, ReceivePhase receivePhase) {
        this.items = items;
        this.threads = threads;
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.clock = clock;
        this.utcb = utcb;
        this.events = events;
        this.receivePhase = receivePhase;
        this.notifications = new ControllerNotifications(scheduler, timeouts, utcb, events);
    }

    ControllerNotifications notifications() {
        return notifications;
    }

    /** What became of a message offered to a receiver. */
    enum Transfer {
        /** The receiver's receive is over: it got the message, or an error (S5, a window that cannot take a mapping). */
        RECEIVE_ENDED,
        /** Invalid when read at transfer (S5): its send failed with error 9, the receiver got nothing. */
        INVALID_MESSAGE,
        /** Its delay timeout had expired (M5): the receiver got nothing. */
        DELAY_EXPIRED
    }

    /**
     * Transfers {@code send} to its next hop, which is receiving and accepts it, or is starting a
     * receive that does. A receiver that got nothing keeps waiting, unless it waits for the sender
     * whose message was invalid: a waiter already blocked in that closed wait learns of it here
     * (S2), one just starting it is told by the caller.
     */
    Transfer deliver(PendingSend send) {
        boolean fromUtcb = send.kernelWords() == null;
        if (fromUtcb && !items.wellFormed(send.sender())) {
            // S5: the message is read and checked now; the sender's task may have rewritten it.
            failSend(send, IpcError.INVALID_ARGUMENT);
            tellClosedWaiter(send.sender(), send.nextHop(), IpcError.INVALID_ARGUMENT);
            return Transfer.INVALID_MESSAGE;
        }
        MonitoredIpc ipc = send.ipc();
        boolean toFinalReceiver = send.stage() == PendingSend.Stage.FINAL;
        if (toFinalReceiver && ipc.delayExpired(clock.now())) {
            endWithDelayTimeout(send);
            return Transfer.DELAY_EXPIRED;
        }
        Thread receiver = send.nextHop();
        if (fromUtcb && items.carriesMappings(send.sender())) {
            boolean wholeSpace = receiver.faultIpc() != null && receiver.faultIpc().replyMapsAnywhere();
            MessageItems.Outcome outcome = items.transfer(send.sender(), receiver, wholeSpace);
            if (outcome != MessageItems.Outcome.DONE) {
                failMappings(send, receiver, outcome);
                return Transfer.RECEIVE_ENDED;
            }
        }
        if (toFinalReceiver && !ipc.checkedAgainstFinalReceiver()) {
            // Only a transfer that gets through passes the M4 check: after a failed one, a monitor's
            // next forward, perhaps to another destination (R5), is checked against its final receiver.
            ipc.passFinalReceiverCheck(clock.now());
        }
        int dope = send.nextHopIsMonitor() ? monitorDope(send) : send.plainDope();
        transfer(send, receiver, dope);
        if (send.nextHopIsMonitor()) {
            writeMonitorWords(receiver, send);
        }
        afterReceipt(send);
        return Transfer.RECEIVE_ENDED;
    }

    /** S5: a receiver that cannot take a mapping gets an error, and so does the sender. */
    private void failMappings(PendingSend send, Thread receiver, MessageItems.Outcome outcome) {
        IpcError forReceiver = switch (outcome) {
            case BAD_WINDOW -> IpcError.INVALID_ARGUMENT;
            case OUT_OF_MEMORY -> IpcError.NOT_PERMITTED;
            default -> IpcError.MESSAGE_OVERFLOW;
        };
        IpcError forSender = outcome == MessageItems.Outcome.OUT_OF_MEMORY
                ? IpcError.NOT_PERMITTED : IpcError.MESSAGE_OVERFLOW;
        fail(receiver, forReceiver, Phase.RECEIVE);
        failSend(send, forSender);
    }

    private static int monitorDope(PendingSend send) {
        return Dope.REDIRECTED_BIT | (send.deceit() ? Dope.DECEIT_BIT : 0) | send.optionDope();
    }

    private void transfer(PendingSend send, Thread receiver, int dope) {
        Thread sender = send.sender();
        int from = send.visibleFrom();
        int[] kernelWords = send.kernelWords();
        int tag = kernelWords != null ? kernelWords[0] : utcb.tag(sender);
        int delivered = deliveredTag(send, tag);
        FaultIpc fault = receiver.faultIpc();
        if (fault != null) {
            // S6: the handler's reply resolves the fault; the faulting thread's MRs stay as they were.
            events.messageTransferred(sender, receiver, tag, KernelEvents.NOTHING_WRITTEN);
            finishReceipt(sender, receiver, from, delivered, dope);
            fault.replies().replied(receiver, MessageTag.untypedWords(tag), messageWord(send, 1), messageWord(send, 2));
            return;
        }
        if (kernelWords != null) {
            utcb.writeMessage(receiver, kernelWords);
            events.messageTransferred(sender, receiver, tag, kernelWords.length - 1);
        } else {
            int words = MessageTag.wordCount(tag);
            utcb.writeMessage(sender, receiver, delivered, words);
            events.messageTransferred(sender, receiver, tag, words);
        }
        finishReceipt(sender, receiver, from, delivered, dope);
        setResults(receiver, from, dope);
    }

    private void finishReceipt(Thread sender, Thread receiver, int from, int delivered, int dope) {
        receiver.setReceiveFrom(ThreadId.NIL);
        timeouts.cancel(receiver);
        scheduler.makeReady(receiver);
        events.delivered(sender, receiver, from, delivered, dope);
    }

    /**
     * Flags are kernel outputs (L4 X.2): a user message arrives with them cleared, a kernel
     * message with its own, and a monitor's forward of a kernel message with the kernel flag (R4).
     */
    private static int deliveredTag(PendingSend send, int tag) {
        if (send.kernelWords() != null) {
            return tag;
        }
        boolean forwardsKernelMessage = send.deceit() && send.ipc() != null && send.ipc().kernelMessage();
        return MessageTag.asDelivered(tag) | (forwardsKernelMessage ? MessageTag.KERNEL_FLAG : 0);
    }

    /** MR{@code index} of the message {@code send} carries (0 beyond a kernel message's words). */
    private int messageWord(PendingSend send, int index) {
        int[] kernelWords = send.kernelWords();
        if (kernelWords == null) {
            return utcb.read(send.sender(), Utcb.MR0 + index);
        }
        return index < kernelWords.length ? kernelWords[index] : 0;
    }

    /** IntendedReceiver, BlockedSource, ControllingMonitor and DelayTimeout for a monitor on the path (R2). */
    private void writeMonitorWords(Thread monitor, PendingSend send) {
        MonitoredIpc ipc = send.ipc();
        utcb.write(monitor, Utcb.INTENDED_RECEIVER, send.intendedReceiver().id());
        utcb.write(monitor, Utcb.BLOCKED_SOURCE, ipc == null || releasedOnReceipt(send) ? ThreadId.NIL
                : idOf(ipc.blockedSource()));
        utcb.write(monitor, Utcb.CONTROLLING_MONITOR, ipc == null ? ThreadId.NIL : idOf(ipc.controllingMonitor()));
        utcb.write(monitor, Utcb.DELAY_TIMEOUT, ipc == null ? 0 : ipc.remainingDelayMicros(clock.now()));
    }

    /**
     * M7: an unreliable send is done once its first hop has it: the source is released as that
     * hop receives it, and so the hop sees no blocked source (R2).
     */
    private static boolean releasedOnReceipt(PendingSend send) {
        MonitoredIpc ipc = send.ipc();
        return ipc != null && ipc.unreliable() && send.stage() == PendingSend.Stage.TO_MONITOR
                && send.sender() == ipc.blockedSource();
    }

    private static int idOf(Thread thread) {
        return thread == null ? ThreadId.NIL : thread.id();
    }

    private void afterReceipt(PendingSend send) {
        Thread sender = send.sender();
        MonitoredIpc ipc = send.ipc();
        if (ipc != null && send.nextHopIsMonitor()) {
            ipc.setHolder(send.nextHop());
        }
        switch (send.stage()) {
            case DIRECT, BEYOND_FINAL -> {
                MonitoredIpc passed = send.passesControlOf();
                if (passed != null) {
                    // M6: the notification is passed on: an earlier controlling monitor decides again.
                    passed.handControlBack(sender, send.nextHop());
                }
                completeSend(sender);
            }
            case TO_MONITOR -> {
                if (releasedOnReceipt(send)) {
                    detachBlockedSource(ipc);
                    ipc.markReleasedOnFirstHop();
                    completeSend(sender);
                } else if (ipc != null && sender == ipc.blockedSource()) {
                    awaitDelivery(sender);
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
                    conclude(ipc, send.nextHop(), DELIVERED, null);
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
            conclude(ipc, send.nextHop(), DELAY_TIMED_OUT, null);
        }
    }

    /**
     * An ending of the blocked source's IPC that leaves the source in place: final delivery
     * (M2), a delay timeout (M5), a monitor's option 1 or 3 (M3, M6), a path monitor's death.
     * With a live controlling monitor that did not decide it itself, the kernel reports it (M6)
     * and holds the source until that monitor releases or ends it; otherwise it reaches the
     * source now. A full notification queue never holds a source nobody would release (S1, P3):
     * the ending then reaches the source, and the lost notification is counted for the monitor.
     */
    void conclude(MonitoredIpc ipc, Thread finalReceiver, MonitoredIpc.Ending ending, Thread decidedBy) {
        Thread blocked = ipc.blockedSource();
        Thread controller = ipc.controllingMonitor();
        String cause = ending.cause();
        if (controller != null && controller.isAlive() && controller != decidedBy) {
            if (notifyController(ipc, blocked, finalReceiver, ending.error())) {
                ipc.hold(ending);
                if (blocked.state() != ThreadState.AWAITING_DELIVERY) {
                    withdraw(blocked);
                    awaitDelivery(blocked);
                }
                return;
            }
            cause += ", controlling monitor " + controller.name() + "'s notification queue full ("
                    + controller.lostNotifications() + " lost)";
        }
        if (ending.error() == IpcError.NONE) {
            release(ipc, cause);
        } else {
            failBlockedSource(ipc, ending.error(), ending.errorCode(), cause);
        }
    }

    /**
     * Sends the controlling monitor, if there is a live one, a controller notification (M6):
     * MR2 is the true source as the last hop saw it, MR4 the error code the source would get.
     * Returns false when there is none, or when its queue is full (the loss is counted).
     */
    private boolean notifyController(MonitoredIpc ipc, Thread blocked, Thread finalReceiver, IpcError error) {
        Thread controller = ipc.controllingMonitor();
        if (controller == null || !controller.isAlive()) {
            return false;
        }
        boolean queued = notifications.notify(controller, blocked.id(), ipc.claimedSource(), finalReceiver.id(),
                error.code());
        if (!queued) {
            controller.countLostNotification();
        }
        return queued;
    }

    /** The blocked source's send completes successfully (M2, or option 3); {@code cause} is for observers. */
    void release(MonitoredIpc ipc, String cause) {
        Thread blocked = ipc.blockedSource();
        detachBlockedSource(ipc);
        withdraw(blocked);
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

    /**
     * A monitor forwards naming {@code ipc}'s blocked source, whose own send still waits (at the
     * M4 check, or for a busy monitor): the forward carries the IPC from now on (M1, R3). The
     * source's message is withdrawn, as options 1 and 3 withdraw it (M9), so that the destination
     * gets one message for one IPC; the source awaits final delivery, and the forwarder holds the
     * IPC (its death ends it, S2). Returns the deadline of the source's send timeout, or
     * {@link Thread#NO_DEADLINE}, for the forward's wait at the M4 check (SendRouter.route).
     */
    long takeOverWaitingSend(MonitoredIpc ipc, Thread forwarder) {
        Thread source = ipc.blockedSource();
        long deadline = source.deadline();
        withdraw(source);
        awaitDelivery(source);
        ipc.setHolder(forwarder);
        return deadline;
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
            receivePhase.start(sender, from, sender.followingReceiveTimeout());
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
        } else if (Dope.errorCode(dope) != 0) {
            thread.faultIpc().replies().failed(thread, dope);
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
            // M4 fails the source at once; a controlling monitor is told (M6).
            notifyController(ipc, ipc.blockedSource(), ipc.finalReceiver(), IpcError.TIMEOUT);
            failBlockedSource(ipc, IpcError.TIMEOUT, IpcError.TIMEOUT.code(), sourceTimeoutCause(ipc, sender));
        }
        fail(sender, error, Phase.SEND);
    }

    /** Where the source's send timeout ran out: at a source monitor's forward, or at a later monitor's that took it over. */
    private static String sourceTimeoutCause(MonitoredIpc ipc, Thread forwarder) {
        int at = ipc.path().indexOf(forwarder);
        boolean laterMonitor = at >= 0 && ipc.path().monitorClass(at) != MonitorClass.SOURCE;
        return laterMonitor ? "send timeout at the M4 check, forwarded by " + forwarder.name()
                : "send timeout at a source monitor";
    }

    /**
     * S2: a send of {@code sender} to {@code destination} failed; a destination in a closed wait
     * on the sender learns of it too, with the same error in its receive phase.
     */
    void tellClosedWaiter(Thread sender, Thread destination, IpcError error) {
        if (destination != null && destination != sender && destination.state() == ThreadState.RECEIVING
                && destination.receiveFrom() == sender.id()) {
            fail(destination, error, Phase.RECEIVE);
        }
    }

    /** Ends a blocked thread's IPC with error 3 (cancelled), as exchange_registers does. */
    public void cancel(Thread thread, Phase phase) {
        MonitoredIpc ipc = thread.monitoredIpc();
        if (ipc != null && ipc.blockedSource() == thread) {
            // Its message goes on through the monitors, but final delivery will release nobody;
            // the cancellation reaches the source at once, and a controlling monitor is told (M6).
            notifyController(ipc, thread, ipc.finalReceiver(), IpcError.CANCELLED);
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
        MonitoredIpc own = gone.monitoredIpc();
        if (own != null) {
            if (own.blockedSource() == gone) {
                // The source's death ends its IPC at once; a controlling monitor is told (M6).
                notifyController(own, gone, own.finalReceiver(), IpcError.NO_PARTNER);
            }
            detachBlockedSource(own);
        }
        gone.notifications().clear();
        while (!gone.incoming().isEmpty()) {
            failSend(gone.incoming().peekFirst(), IpcError.NO_PARTNER);
        }
        while (!gone.readinessWaiters().isEmpty()) {
            failSend(gone.readinessWaiters().peekFirst(), IpcError.NO_PARTNER);
        }
        if (gone.closedWaitedFor()) {
            for (Thread thread : threads.all()) {
                tellClosedWaiter(gone, thread, IpcError.NO_PARTNER);
            }
        }
        if (gone.hadMonitoredIpcs()) {
            releaseIpcsHeldBy(gone);
        }
    }

    /**
     * A monitor vanished: an IPC it held before final delivery can never be delivered, so it
     * ends for its blocked source with error 2 (S2, M1), reported to a controlling monitor if
     * there is one (M6); a source held for a dead controlling monitor's decision gets the
     * ending it was held after, as if no controlling monitor had been set.
     */
    private void releaseIpcsHeldBy(Thread gone) {
        for (Thread thread : threads.all()) {
            MonitoredIpc ipc = thread.monitoredIpc();
            if (thread.state() != ThreadState.AWAITING_DELIVERY || ipc == null || ipc.blockedSource() != thread) {
                continue;
            }
            MonitoredIpc.Ending held = ipc.heldEnding();
            if (held != null && ipc.controllingMonitor() == gone) {
                String cause = "controlling monitor " + gone.name() + " died";
                if (held.error() == IpcError.NONE) {
                    release(ipc, cause);
                } else {
                    failBlockedSource(ipc, held.error(), held.errorCode(), cause);
                }
            } else if (held == null && !ipc.finallyDelivered() && ipc.holder() == gone) {
                conclude(ipc, ipc.finalReceiver(), new MonitoredIpc.Ending(IpcError.NO_PARTNER,
                        IpcError.NO_PARTNER.code(), gone.name() + " died"), gone);
            }
        }
    }
}
