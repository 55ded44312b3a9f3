package org.l4emu.tools.check;

import org.l4emu.tools.trace.EventDetail;

/**
 * Where a message goes and what its receiver sees: the next hop of its path (R1, R2, S6), the
 * dope and {@code from} a monitor and any other receiver see (R2, R4), what the kernel wrote
 * into the receiver's UTCB (S5), the final receiver check and the delay timeout (M4, M5), and
 * what final delivery owes the blocked source (M1, M2).
 */
final class DeliveryChecks {
    private final Model model;
    private final Violations violations;
    private final Outcomes outcomes;
    private final Step step;
    private final EndingChecks endings;

    DeliveryChecks(Model model, Outcomes outcomes, Step step, EndingChecks endings) {
        this.model = model;
        this.violations = model.violations;
        this.outcomes = outcomes;
        this.step = step;
        this.endings = endings;
    }

    /** The kernel aims {@code sender}'s message at a monitor (R1, R2); passing to a system monitor is the M4 check. */
    void redirect(ThreadModel sender, EventDetail.Redirect redirect, long now) {
        SendPhase send = sender.send;
        if (send == null || sender.held != null) {
            violations.report(CheckedRule.TRACE, "a message of " + sender + " is redirected, but it is in no send phase");
            return;
        }
        outcomes.proceeded(send);
        ThreadModel monitor = model.thread(redirect.monitor());
        Hop expected = send.remaining.peekFirst();
        if (expected == null || expected.monitor() != monitor) {
            violations.report(send.kind == SendPhase.Kind.FAULT ? CheckedRule.S6 : CheckedRule.R1,
                    "the message of " + sender + " for " + send.destination + " goes to " + monitor + " ("
                            + redirect.monitorClass() + " monitor), but its path puts "
                            + (expected == null ? "no monitor" : expected.monitor() + " (" + expected.monitorClass()
                            .name().toLowerCase(java.util.Locale.ROOT) + ")") + " next");
            resync(send, monitor);
        }
        InFlightIpc ipc = send.ipc;
        if (ipc != null && ipc.m4PassedAt < 0 && MonitorClass.named(redirect.monitorClass()) == MonitorClass.SYSTEM) {
            ipc.m4PassedAt = now;
            ThreadModel finalReceiver = send.finalReceiver();
            if (finalReceiver != null && !finalReceiver.accepts(send.visibleFrom)) {
                violations.report(CheckedRule.M4, "the IPC of " + ipc.trueSource + " passes to system monitor " + monitor
                        + " while its final receiver " + finalReceiver + " is not ready to receive from "
                        + model.nameOf(send.visibleFrom));
            }
        }
    }

    void deliver(ThreadModel receiver, EventDetail.Deliver deliver, long now) {
        endings.heldButReceiving(receiver, receiver + " receives a message");
        checkWords(receiver, deliver);
        if (deliver.sender() == null) {
            kernelNotification(receiver, deliver);
            return;
        }
        ThreadModel sender = model.thread(deliver.sender());
        SendPhase send = sender.send;
        if (send == null || sender.held != null) {
            violations.report(CheckedRule.TRACE, receiver + " receives from " + sender + ", which is in no send phase");
            receiver.receiving = false;
            return;
        }
        outcomes.proceeded(send);
        if (!receiver.accepts(send.visibleFrom)) {
            violations.report(CheckedRule.TRACE, receiver + " receives a message from " + model.nameOf(send.visibleFrom)
                    + " although it is not in a receive phase that accepts it");
        }
        if (send.nextHop() != receiver) {
            violations.report(send.kind == SendPhase.Kind.FAULT ? CheckedRule.S6 : CheckedRule.R2,
                    "the message of " + sender + " for " + send.destination + " reaches " + receiver
                            + ", but the next hop of its path is " + send.nextHop());
            resync(send, receiver);
        }
        Hop hop = send.nextHop() == receiver && send.nextHopIsMonitor() ? send.remaining.pollFirst() : null;
        if (hop != null && receiver == send.destination && (deliver.dope() & Abi.DOPE_R) == 0) {
            bypassed(send, receiver);
            hop = null;
        }
        checkView(receiver, deliver, send, hop != null);
        InFlightIpc ipc = send.ipc;
        if (ipc != null && hop != null) {
            ipc.holder = receiver;
        }
        boolean finalHop = ipc != null && !ipc.finallyDelivered
                && (hop == null || hop.monitorClass() == MonitorClass.DESTINATION);
        if (finalHop) {
            finalDelivery(ipc, receiver, now);
        }
        if (send.passedOn != null) {
            // M6: the notification is passed on; a monitor that controlled the IPC before decides again.
            send.passedOn.handControlBack(sender, receiver);
        }
        afterReceipt(sender, send, finalHop);
        receiver.receiving = false;
    }

    /** S5: MR0..MR(u+t) of the message as read at transfer, never more, never past MR63. */
    private void checkWords(ThreadModel receiver, EventDetail.Deliver deliver) {
        int tag = deliver.senderTag();
        int length = Abi.untyped(tag) + Abi.typed(tag);
        int written = deliver.wordsWritten();
        if (length > Abi.MAX_MESSAGE_WORDS) {
            violations.report(CheckedRule.S5, receiver + " receives a message whose tag at transfer (" + Abi.hex(tag)
                    + ") has u + t = " + length + " > 63: the send must fail with error 9 and nothing be delivered");
        }
        if (written != EventDetail.Deliver.UNKNOWN && (written > length || written > Abi.MAX_MESSAGE_WORDS)) {
            violations.report(CheckedRule.S5, "the delivery wrote MR0..MR" + written + " into " + receiver
                    + "'s UTCB, past MR" + Math.min(length, Abi.MAX_MESSAGE_WORDS) + (written > Abi.MAX_MESSAGE_WORDS
                    ? " and over its buffer registers and UTCB words" : ""));
        }
        int expectedTag = expectedTag(deliver, tag);
        if (deliver.tag() != expectedTag) {
            violations.report(CheckedRule.S5, receiver + " receives MR0 " + Abi.hex(deliver.tag())
                    + " for a message whose MR0 at transfer was " + Abi.hex(tag));
        }
    }

    /**
     * Flags are kernel outputs: a kernel message arrives as the kernel made it, a user message
     * with its flags cleared, and a monitor's deceit forward of a fault message with the kernel
     * flag (spec-decisions, S6).
     */
    private int expectedTag(EventDetail.Deliver deliver, int tag) {
        SendPhase send = deliver.sender() == null ? null : model.thread(deliver.sender()).send;
        if (deliver.sender() == null || send != null && send.kind == SendPhase.Kind.FAULT) {
            return tag;
        }
        boolean forwardsKernelMessage = send != null && send.kind == SendPhase.Kind.FORWARD && send.ipc != null
                && send.ipc.kernelMessage;
        return tag & ~Abi.TAG_FLAGS | (forwardsKernelMessage ? Abi.KERNEL_FLAG : 0);
    }

    /** R2 for a monitor on the path, R4 for anyone else: the dope and from each must see. */
    private void checkView(ThreadModel receiver, EventDetail.Deliver deliver, SendPhase send, boolean monitorHop) {
        int received = deliver.dope() & Abi.DOPE_RECEIVED_BITS;
        int expected = monitorHop ? send.monitorDope : send.plainDope;
        if (received != expected) {
            boolean exposed = (received & (Abi.DOPE_R | Abi.DOPE_D)) != 0
                    || (received & Abi.DOPE_OPTION_BIT) != 0 && (received >>> 1 & 7) >= Abi.OPTION_DECEIT;
            violations.report(monitorHop ? CheckedRule.R2 : CheckedRule.R4, (monitorHop ? "monitor " : "")
                    + receiver + " receives the message of " + send.sender + " with dope " + Abi.hex(received)
                    + ", where " + (monitorHop ? "a monitor on its path" : "a receiver that is not a monitor on its path")
                    + " must see " + Abi.hex(expected) + (!monitorHop && exposed ? " (no R, D or deceit option)" : ""));
        }
        if (deliver.from().id() != send.visibleFrom) {
            violations.report(monitorHop ? CheckedRule.R2 : CheckedRule.R4, receiver + " receives from "
                    + model.nameOf(deliver.from().id()) + ", where it must see " + model.nameOf(send.visibleFrom));
        }
    }

    /** M4, M5 and what M1/M2 owe the blocked source: checked at the end of the step. */
    private void finalDelivery(InFlightIpc ipc, ThreadModel receiver, long now) {
        if (ipc.m4PassedAt < 0) {
            ipc.m4PassedAt = now;
        }
        long deadline = ipc.delayDeadline();
        if (deadline >= 0 && now > deadline) {
            violations.report(CheckedRule.M5, receiver + " receives the IPC of " + ipc.trueSource + " "
                    + (now - ipc.m4PassedAt) / 1000.0 + " us after the M4 check, past its delay timeout of "
                    + ipc.delayMicros + " us: it must get nothing, the blocked source error 5");
        }
        ipc.finallyDelivered = true;
        ipc.finalDeliveryAt = now;
        if (ipc.blocked != null) {
            step.finalDeliveries.add(ipc);
        }
    }

    /** The sender's send is done, or (the blocked source's own, taken by a monitor) held until final delivery (M1). */
    private void afterReceipt(ThreadModel sender, SendPhase send, boolean finalHop) {
        InFlightIpc ipc = send.ipc;
        if (ipc == null || !send.isOwnSendOfBlockedSource()) {
            outcomes.completeSend(sender);
        } else if (finalHop) {
            return; // the release (or the controller's decision) ends it, in this step (M2)
        } else if (ipc.unreliable) {
            ipc.blocked = null; // M7: done once the first hop has it
            sender.released = ipc;
            outcomes.completeSend(sender);
        } else {
            sender.held = ipc;
        }
    }

    private void kernelNotification(ThreadModel monitor, EventDetail.Deliver deliver) {
        if (monitor.queuedNotifications == 0) {
            violations.report(CheckedRule.M6, monitor + " receives a controller notification nobody queued for it");
        } else {
            monitor.queuedNotifications--;
        }
        if (deliver.from().id() != Abi.NIL || (deliver.dope() & Abi.DOPE_RECEIVED_BITS) != Abi.NOTIFICATION_DOPE) {
            violations.report(CheckedRule.M6, monitor + " receives a controller notification from "
                    + model.nameOf(deliver.from().id()) + " with dope " + Abi.hex(deliver.dope())
                    + ": it must come from nilthread with dope 0x5");
        }
        if (!monitor.accepts(Abi.ANY) || monitor.receiveFrom != Abi.ANY) {
            violations.report(CheckedRule.M6, monitor + " receives a controller notification outside an open wait");
        }
        monitor.receiving = false;
    }

    /** The destination is also the first monitor of the path, and the kernel delivered to it as to a destination. */
    private void bypassed(SendPhase send, ThreadModel receiver) {
        violations.report(send.kind == SendPhase.Kind.FAULT ? CheckedRule.S6 : CheckedRule.R2, "the message of "
                + send.sender + " reaches " + receiver + " as a plain message, but " + receiver
                + " is the first monitor on its path and must receive it with R");
        send.remaining.clear();
        resync(send, receiver);
    }

    /** After a wrong hop: continue from where the kernel actually sent it, so one error is reported once. */
    private static void resync(SendPhase send, ThreadModel reached) {
        if (send.remaining.stream().anyMatch(hop -> hop.monitor() == reached)) {
            while (send.remaining.peekFirst().monitor() != reached) {
                send.remaining.pollFirst();
            }
        } else if (reached == send.destination) {
            send.remaining.clear();
            if (send.isOwnSendOfBlockedSource()) {
                send.ipc.blocked = null;
                send.ipc = null; // the kernel made it a direct IPC: it ends as one
            }
        }
    }
}
