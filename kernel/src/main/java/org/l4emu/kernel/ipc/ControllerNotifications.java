package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * Kernel-generated controller notifications (M6): from = nilthread, dope 0x5, MR0 = label 0 with
 * the kernel flag and u = 4, MR1..MR4 = blocked source, true source, final receiver, error code.
 * The kernel never blocks on them: they wait in the monitor's queue for its next open wait,
 * at most the task's quota of them (P3).
 */
final class ControllerNotifications {
    static final int DOPE = Abi.Dope.NOTIFICATION;
    private static final int TAG = Abi.Notification.TAG;

    private final Scheduler scheduler;
    private final TimeoutQueue timeouts;
    private final Utcb utcb;
    private final KernelEvents events;

    ControllerNotifications(Scheduler scheduler, TimeoutQueue timeouts, Utcb utcb, KernelEvents events) {
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.utcb = utcb;
        this.events = events;
    }

    /**
     * Delivers the notification (MR1..MR4: blocked source, true source as the last hop saw it,
     * final receiver, error code), or queues it until the monitor's next open wait. Returns
     * false, changing nothing, when it would have to queue it and the queue is at its quota (P3).
     * Only a queued notification is kept in an array of its own.
     */
    boolean notify(Thread monitor, int blockedSource, int trueSource, int finalReceiver, int errorCode) {
        boolean waiting = monitor.state() == ThreadState.RECEIVING && monitor.receiveFrom() == ThreadId.ANY;
        if (!waiting && monitor.notifications().size() >= monitor.task().quotas().notifications()) {
            return false;
        }
        events.controllerNotified(monitor, blockedSource, trueSource, finalReceiver, errorCode);
        if (waiting) {
            deliver(monitor, blockedSource, trueSource, finalReceiver, errorCode);
        } else {
            int[] words = new int[Abi.Notification.WORDS];
            words[Abi.Notification.BLOCKED_SOURCE_MR - 1] = blockedSource;
            words[Abi.Notification.TRUE_SOURCE_MR - 1] = trueSource;
            words[Abi.Notification.FINAL_RECEIVER_MR - 1] = finalReceiver;
            words[Abi.Notification.ERROR_MR - 1] = errorCode;
            monitor.notifications().addLast(words);
        }
        return true;
    }

    /** Delivers the oldest queued notification to a monitor starting an open wait; false when none is queued. */
    boolean deliverQueued(Thread monitor) {
        int[] words = monitor.notifications().pollFirst();
        if (words == null) {
            return false;
        }
        deliver(monitor, words[Abi.Notification.BLOCKED_SOURCE_MR - 1], words[Abi.Notification.TRUE_SOURCE_MR - 1],
                words[Abi.Notification.FINAL_RECEIVER_MR - 1], words[Abi.Notification.ERROR_MR - 1]);
        return true;
    }

    private void deliver(Thread monitor, int blockedSource, int trueSource, int finalReceiver, int errorCode) {
        utcb.write(monitor, Utcb.MR0, TAG);
        utcb.write(monitor, Utcb.MR0 + Abi.Notification.BLOCKED_SOURCE_MR, blockedSource);
        utcb.write(monitor, Utcb.MR0 + Abi.Notification.TRUE_SOURCE_MR, trueSource);
        utcb.write(monitor, Utcb.MR0 + Abi.Notification.FINAL_RECEIVER_MR, finalReceiver);
        utcb.write(monitor, Utcb.MR0 + Abi.Notification.ERROR_MR, errorCode);
        events.messageTransferred(null, monitor, TAG, Abi.Notification.WORDS);
        monitor.context().setResult(0, ThreadId.NIL);
        monitor.context().setResult(1, DOPE);
        monitor.setReceiveFrom(ThreadId.NIL);
        timeouts.cancel(monitor);
        scheduler.makeReady(monitor);
        events.delivered(null, monitor, ThreadId.NIL, TAG, DOPE);
    }
}
