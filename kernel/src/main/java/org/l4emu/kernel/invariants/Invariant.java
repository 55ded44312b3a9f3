package org.l4emu.kernel.invariants;

/**
 * What must hold between any two traps, whatever the guests did (P2, P3). Each names the
 * inconsistency it rules out; a violation is a kernel bug.
 */
public enum Invariant {
    READY_IFF_QUEUED("a thread is queued to run exactly when it is READY"),
    TIMEOUT_IFF_DEADLINE("a thread is in the timeout queue exactly when its deadline is set, and only while it "
            + "waits in a send or receive phase"),
    SENDER_QUEUED_AT_LIVE_HOP("every SENDING thread's pending send waits, once, in the queue of a live thread"),
    QUEUED_SEND_HAS_LIVE_SENDER("every send in a queue belongs to a live SENDING thread that waits on it"),
    RECEIVER_WAITS_ON_LIVE_PARTNER("every RECEIVING thread waits on any thread, itself, or a live thread"),
    NO_MISSED_WAKEUP("no RECEIVING thread has a message, readiness waiter or notification it accepts waiting"),
    AWAITING_DELIVERY_HAS_MONITORED_IPC("every AWAITING_DELIVERY thread is the blocked source of a monitored IPC, "
            + "and only such a thread or a SENDING one has one"),
    GONE_THREAD_HOLDS_NOTHING("an exited or stopped thread holds no send, queue, notification or IPC"),
    NOTIFICATIONS_BOUNDED("a monitor's queued controller notifications stay within its task's quota"),
    THREADS_WITHIN_QUOTA("no task has more live threads than its quota");

    private final String statement;

    Invariant(String statement) {
        this.statement = statement;
    }

    /** The invariant in words, for reports. */
    public String statement() {
        return statement;
    }
}
