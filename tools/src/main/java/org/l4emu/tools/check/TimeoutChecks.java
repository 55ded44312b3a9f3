package org.l4emu.tools.check;

import java.util.Locale;
import java.util.PriorityQueue;

/**
 * S3 (and M4's send timeout) against virtual time: each deadline the kernel sets must be the
 * phase's own timeout from the moment the phase blocks, and it must fire exactly then: not
 * before, not after (a timeout due while a system call is handled expires at its deadline,
 * before the call takes effect: docs/spec-decisions.md).
 */
final class TimeoutChecks {
    private record Pending(long deadline, ThreadModel thread) {}

    private final Violations violations;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));

    TimeoutChecks(Violations violations) {
        this.violations = violations;
    }

    /** Before each event at {@code now}: a deadline already passed has been missed. */
    void scanLate(long now) {
        while (!pending.isEmpty() && pending.peek().deadline < now) {
            Pending late = pending.poll();
            if (late.thread.deadline == late.deadline) {
                violations.report(CheckedRule.S3, String.format(Locale.ROOT,
                        "the timeout of %s due at %.3f us has not expired by %.3f us", late.thread,
                        late.deadline / 1000.0, now / 1000.0));
                late.thread.deadline = ThreadModel.NO_DEADLINE;
            }
        }
    }

    /** The kernel set (or cleared, {@code deadline} 0) the thread's timeout at {@code now}. */
    void deadline(ThreadModel thread, long deadline, long now) {
        if (deadline == 0) {
            thread.deadline = ThreadModel.NO_DEADLINE;
            return;
        }
        String phase = phaseOf(thread);
        if (phase == null) {
            violations.report(CheckedRule.S3, thread + " gets a timeout although it is in no IPC phase");
        } else if (!allowed(thread, deadline - now) && !keepsSourceDeadline(thread, deadline)) {
            violations.report(CheckedRule.S3, String.format(Locale.ROOT,
                    "%s's %s phase blocks with a timeout of %.3f us, where its timeout word says %s",
                    thread, phase, (deadline - now) / 1000.0, expected(thread)));
        }
        thread.deadline = deadline;
        pending.add(new Pending(deadline, thread));
    }

    /** The thread's IPC failed with error 1 at {@code now}. */
    void fired(ThreadModel thread, boolean receivePhase, long now) {
        long deadline = thread.deadline;
        thread.deadline = ThreadModel.NO_DEADLINE;
        if (deadline == ThreadModel.NO_DEADLINE) {
            if (thread.unblockedAt != now && !zeroTimeout(thread, receivePhase)) {
                violations.report(CheckedRule.S3, thread + " times out in its " + (receivePhase ? "receive" : "send")
                        + " phase with no timeout pending and a timeout that is not zero");
            }
            return;
        }
        if (now < deadline) {
            violations.report(CheckedRule.S3, String.format(Locale.ROOT, "%s times out %.3f us early (due at %.3f us)",
                    thread, (deadline - now) / 1000.0, deadline / 1000.0));
        } else if (now > deadline) {
            violations.report(CheckedRule.S3, String.format(Locale.ROOT, "%s times out %.3f us late (due at %.3f us)",
                    thread, (now - deadline) / 1000.0, deadline / 1000.0));
        }
    }

    /**
     * True when the send of a thread carrying {@code ipc} has a timeout due (M4 for a source
     * monitor's forward): its true source, or any monitor that forwarded it and waits, also one
     * that a later forward of the same IPC by an earlier monitor took off its path (R3: a monitor
     * may forward more than one message for one received IPC, and each continues it).
     */
    static boolean sendTimeoutDue(InFlightIpc ipc, long now, Iterable<ThreadModel> threads) {
        for (ThreadModel thread : threads) {
            if (sendTimeoutDue(thread, ipc, now)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sendTimeoutDue(ThreadModel thread, InFlightIpc ipc, long now) {
        return thread.send != null && thread.send.ipc == ipc && thread.deadline != ThreadModel.NO_DEADLINE
                && thread.deadline <= now;
    }

    private static String phaseOf(ThreadModel thread) {
        if (thread.send != null && thread.held == null) {
            return "send";
        }
        return thread.receiving ? "receive" : null;
    }

    /** The phase's own timeout, or (for a send carrying a monitored IPC) its true source's send timeout (M4). */
    private static boolean allowed(ThreadModel thread, long nanos) {
        if (thread.send != null && thread.held == null) {
            SendPhase send = thread.send;
            if (send.kind == SendPhase.Kind.FAULT) {
                return false;
            }
            if (nanos == Abi.timeoutMicros(Abi.sendTimeout(thread.ipcTimeouts)) * 1000) {
                return true;
            }
            return send.ipc != null && nanos == Abi.timeoutMicros(send.ipc.sourceSendTimeout) * 1000;
        }
        return !thread.faultReceive && nanos == Abi.timeoutMicros(Abi.receiveTimeout(thread.ipcTimeouts)) * 1000;
    }

    /**
     * A forward that took over a source's wait at the M4 check keeps the source's deadline there
     * (R3, M4), and only there: its hop into a source-class monitor has no timeout (M4).
     */
    private static boolean keepsSourceDeadline(ThreadModel thread, long deadline) {
        SendPhase send = thread.send;
        Hop next = send == null ? null : send.remaining.peekFirst();
        boolean intoSourceMonitor = next != null && next.monitorClass() == MonitorClass.SOURCE;
        return send != null && thread.held == null && send.ipc != null && send.ipc.m4Deadline == deadline
                && !intoSourceMonitor;
    }

    private static String expected(ThreadModel thread) {
        if (thread.send != null && thread.held == null) {
            SendPhase send = thread.send;
            if (send.kind == SendPhase.Kind.FAULT) {
                return "none (a fault IPC never times out)";
            }
            String own = micros(Abi.timeoutMicros(Abi.sendTimeout(thread.ipcTimeouts)));
            return send.ipc == null ? own : own + " (or its source's " + micros(Abi.timeoutMicros(
                    send.ipc.sourceSendTimeout)) + ")";
        }
        return thread.faultReceive ? "none (a fault IPC never times out)"
                : micros(Abi.timeoutMicros(Abi.receiveTimeout(thread.ipcTimeouts)));
    }

    private static String micros(long micros) {
        return micros < 0 ? "never" : micros + " us";
    }

    private static boolean zeroTimeout(ThreadModel thread, boolean receivePhase) {
        if (receivePhase) {
            return Abi.timeoutMicros(Abi.receiveTimeout(thread.ipcTimeouts)) == 0;
        }
        SendPhase send = thread.send;
        return Abi.timeoutMicros(Abi.sendTimeout(thread.ipcTimeouts)) == 0
                || send != null && send.ipc != null && Abi.timeoutMicros(send.ipc.sourceSendTimeout) == 0;
    }
}
