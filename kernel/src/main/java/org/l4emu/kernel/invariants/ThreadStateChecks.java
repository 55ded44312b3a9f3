package org.l4emu.kernel.invariants;

import org.l4emu.kernel.ipc.MonitoredIpc;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;

/** The invariants about one thread's own state: scheduling, timeouts, monitored IPC, and what a gone thread keeps. */
final class ThreadStateChecks {
    private ThreadStateChecks() {}

    static void check(QueueMembership queues, Thread thread) {
        ThreadState state = thread.state();
        boolean queued = queues.queuedToRun(thread);
        if (queued != (state == ThreadState.READY)) {
            throw new InvariantViolationException(Invariant.READY_IFF_QUEUED, thread,
                    queued ? "queued to run" : "not queued to run");
        }
        checkTimeout(queues, thread);
        checkMonitoredIpc(thread);
        if (!thread.isAlive()) {
            checkGoneHoldsNothing(thread);
        }
    }

    private static void checkTimeout(QueueMembership queues, Thread thread) {
        boolean deadlineSet = thread.deadline() != Thread.NO_DEADLINE;
        if (deadlineSet != queues.pendingTimeout(thread)) {
            throw new InvariantViolationException(Invariant.TIMEOUT_IFF_DEADLINE, thread, deadlineSet
                    ? "deadline " + thread.deadline() + " ns but not in the timeout queue"
                    : "in the timeout queue without a deadline");
        }
        ThreadState state = thread.state();
        if (deadlineSet && state != ThreadState.SENDING && state != ThreadState.RECEIVING) {
            throw new InvariantViolationException(Invariant.TIMEOUT_IFF_DEADLINE, thread,
                    "deadline " + thread.deadline() + " ns set while not waiting in IPC");
        }
    }

    private static void checkMonitoredIpc(Thread thread) {
        MonitoredIpc ipc = thread.monitoredIpc();
        ThreadState state = thread.state();
        if (state == ThreadState.AWAITING_DELIVERY && ipc == null) {
            throw new InvariantViolationException(Invariant.AWAITING_DELIVERY_HAS_MONITORED_IPC, thread,
                    "no monitored IPC");
        }
        if (ipc == null) {
            return;
        }
        if (state != ThreadState.AWAITING_DELIVERY && state != ThreadState.SENDING) {
            throw new InvariantViolationException(Invariant.AWAITING_DELIVERY_HAS_MONITORED_IPC, thread,
                    "holds a monitored IPC to " + ipc.destination());
        }
        if (ipc.blockedSource() != thread) {
            throw new InvariantViolationException(Invariant.AWAITING_DELIVERY_HAS_MONITORED_IPC, thread,
                    "holds a monitored IPC whose blocked source is " + ipc.blockedSource());
        }
        if (state == ThreadState.AWAITING_DELIVERY && thread.pendingSend() != null) {
            throw new InvariantViolationException(Invariant.AWAITING_DELIVERY_HAS_MONITORED_IPC, thread,
                    "still has a pending send to " + thread.pendingSend().nextHop());
        }
    }

    private static void checkGoneHoldsNothing(Thread thread) {
        String held = thread.pendingSend() != null ? "a pending send"
                : !thread.incoming().isEmpty() ? thread.incoming().size() + " incoming sends"
                : !thread.readinessWaiters().isEmpty() ? thread.readinessWaiters().size() + " readiness waiters"
                : !thread.notifications().isEmpty() ? thread.notifications().size() + " notifications"
                : thread.monitoredIpc() != null ? "a monitored IPC"
                : null;
        if (held != null) {
            throw new InvariantViolationException(Invariant.GONE_THREAD_HOLDS_NOTHING, thread, "holds " + held);
        }
    }
}
