package org.l4emu.kernel.invariants;

import org.l4emu.kernel.ipc.PendingSend;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadDirectory;

/** The invariants between waiting threads: who waits in whose queue, on whom, and that nobody misses a wake-up. */
final class WaitChecks {
    private WaitChecks() {}

    static void check(ThreadDirectory threads, WaitQueues queues, Thread thread) {
        switch (thread.state()) {
            case SENDING -> checkSender(queues, thread);
            case RECEIVING -> checkReceiver(threads, thread);
            default -> {
                if (thread.pendingSend() != null) {
                    throw new InvariantViolationException(Invariant.SENDER_QUEUED_AT_LIVE_HOP, thread,
                            "has a pending send to " + thread.pendingSend().nextHop() + " but is not SENDING");
                }
            }
        }
        if (!thread.incoming().isEmpty()) {
            checkQueuedSends(thread, thread.incoming(), true);
        }
        if (!thread.readinessWaiters().isEmpty()) {
            checkQueuedSends(thread, thread.readinessWaiters(), false);
        }
        if (thread.notifications().size() > thread.task().quotas().notifications()) {
            throw new InvariantViolationException(Invariant.NOTIFICATIONS_BOUNDED, thread,
                    thread.notifications().size() + " notifications queued, quota "
                            + thread.task().quotas().notifications());
        }
    }

    private static void checkSender(WaitQueues queues, Thread sender) {
        PendingSend send = sender.pendingSend();
        if (send == null || send.sender() != sender) {
            throw new InvariantViolationException(Invariant.SENDER_QUEUED_AT_LIVE_HOP, sender,
                    send == null ? "no pending send" : "pending send of " + send.sender());
        }
        Thread holder = queues.holderOf(send);
        int occurrences = queues.occurrencesOf(send);
        if (holder == null || occurrences != 1) {
            throw new InvariantViolationException(Invariant.SENDER_QUEUED_AT_LIVE_HOP, sender,
                    "its send to " + send.nextHop() + " waits in " + occurrences + " queues");
        }
        if (!holder.isAlive()) {
            throw new InvariantViolationException(Invariant.SENDER_QUEUED_AT_LIVE_HOP, sender,
                    "waits in the queue of " + holder + ", which is " + holder.state());
        }
    }

    private static void checkReceiver(ThreadDirectory threads, Thread receiver) {
        int from = receiver.receiveFrom();
        if (from != ThreadId.ANY && from != receiver.id() && threads.lookup(from) == null) {
            throw new InvariantViolationException(Invariant.RECEIVER_WAITS_ON_LIVE_PARTNER, receiver,
                    "waits on " + threads.describe(from) + ", which is not a live thread");
        }
        if (!receiver.incoming().isEmpty()) {
            for (PendingSend send : receiver.incoming()) {
                if (send.matches(from)) {
                    throw new InvariantViolationException(Invariant.NO_MISSED_WAKEUP, receiver,
                            "accepts the waiting message of " + send.sender());
                }
            }
        }
        if (!receiver.readinessWaiters().isEmpty()) {
            for (PendingSend send : receiver.readinessWaiters()) {
                if (send.matches(from)) {
                    throw new InvariantViolationException(Invariant.NO_MISSED_WAKEUP, receiver,
                            "is ready for the IPC of " + send.sender() + " that waits for it (M4)");
                }
            }
        }
        if (from == ThreadId.ANY && !receiver.notifications().isEmpty()) {
            throw new InvariantViolationException(Invariant.NO_MISSED_WAKEUP, receiver,
                    "waits openly with " + receiver.notifications().size() + " notifications queued");
        }
    }

    private static void checkQueuedSends(Thread holder, Iterable<PendingSend> queue, boolean nextHopQueue) {
        for (PendingSend send : queue) {
            Thread sender = send.sender();
            if (sender.state() != ThreadState.SENDING || sender.pendingSend() != send) {
                throw new InvariantViolationException(Invariant.QUEUED_SEND_HAS_LIVE_SENDER, holder,
                        "holds a send of " + sender + ", which is " + sender.state()
                                + (sender.pendingSend() == send ? "" : " and waits on no such send"));
            }
            if (nextHopQueue && send.nextHop() != holder) {
                throw new InvariantViolationException(Invariant.QUEUED_SEND_HAS_LIVE_SENDER, holder,
                        "holds a send of " + sender + " whose next hop is " + send.nextHop());
            }
        }
    }
}
