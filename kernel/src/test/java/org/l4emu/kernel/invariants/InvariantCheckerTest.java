package org.l4emu.kernel.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;

/**
 * The checker catches each kind of inconsistency: a run of timeouts.xml (whose idle thread sleeps
 * for ever) has its kernel state corrupted once the idle thread sleeps, and the next check must
 * name the invariant that broke.
 */
class InvariantCheckerTest {
    /** Corrupts the sleeping thread once, then lets the checker look. */
    private static final class Corrupting implements KernelEvents {
        private final InvariantChecker checker = new InvariantChecker();
        private final Consumer<Thread> corruption;
        private KernelView kernel;
        private boolean done;

        Corrupting(Consumer<Thread> corruption) {
            this.corruption = corruption;
        }

        @Override
        public void booted(KernelView kernel) {
            this.kernel = kernel;
            checker.booted(kernel);
        }

        @Override
        public void trapHandled(Thread thread) {
            if (!done) {
                for (Thread candidate : kernel.threads().all()) {
                    if (sleepsForever(candidate)) {
                        corruption.accept(candidate);
                        done = true;
                        break;
                    }
                }
            }
            checker.trapHandled(thread);
        }

        private static boolean sleepsForever(Thread thread) {
            return thread.state() == ThreadState.RECEIVING && thread.receiveFrom() == thread.id()
                    && thread.deadline() == Thread.NO_DEADLINE;
        }
    }

    private static Invariant violationAfter(Consumer<Thread> corruption) {
        Corrupting events = new Corrupting(corruption);
        InvariantViolationException e = assertThrows(InvariantViolationException.class,
                () -> Boot.run(GuestRun.GUEST_DIRECTORY.resolve("timeouts.xml"), BootOptions.DEFAULTS,
                        OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream()), events));
        assertTrue(events.done, "the run never had a thread sleeping for ever");
        assertTrue(e.getMessage().contains(e.invariant().name()), e.getMessage());
        return e.invariant();
    }

    @Test
    @DisplayName("a READY thread that is not queued to run")
    void readyButNotQueued() {
        assertEquals(Invariant.READY_IFF_QUEUED, violationAfter(t -> t.setState(ThreadState.READY)));
    }

    @Test
    @DisplayName("a deadline without an entry in the timeout queue")
    void deadlineWithoutTimeout() {
        assertEquals(Invariant.TIMEOUT_IFF_DEADLINE, violationAfter(t -> t.setDeadline(1_000_000)));
    }

    @Test
    @DisplayName("a receiver waiting on a thread that does not exist")
    void receiverWaitsOnNobody() {
        assertEquals(Invariant.RECEIVER_WAITS_ON_LIVE_PARTNER,
                violationAfter(t -> t.setReceiveFrom(ThreadId.of(999, 1))));
    }

    @Test
    @DisplayName("a thread awaiting delivery without a monitored IPC")
    void awaitingWithoutIpc() {
        assertEquals(Invariant.AWAITING_DELIVERY_HAS_MONITORED_IPC,
                violationAfter(t -> t.setState(ThreadState.AWAITING_DELIVERY)));
    }

    @Test
    @DisplayName("a sender without a pending send")
    void senderWithoutSend() {
        assertEquals(Invariant.SENDER_QUEUED_AT_LIVE_HOP, violationAfter(t -> t.setState(ThreadState.SENDING)));
    }

    @Test
    @DisplayName("an open wait with a controller notification left in the queue")
    void missedNotification() {
        assertEquals(Invariant.NO_MISSED_WAKEUP, violationAfter(t -> {
            t.setReceiveFrom(ThreadId.ANY);
            t.notifications().add(new int[] {0, 0, 0, 0});
        }));
    }

    @Test
    @DisplayName("a dead thread that still holds a notification")
    void goneButHolding() {
        assertEquals(Invariant.GONE_THREAD_HOLDS_NOTHING, violationAfter(t -> {
            t.setState(ThreadState.DEAD);
            t.notifications().add(new int[] {0, 0, 0, 0});
        }));
    }

    @Test
    @DisplayName("more queued notifications than the task's quota")
    void notificationsBeyondQuota() {
        assertEquals(Invariant.NOTIFICATIONS_BOUNDED, violationAfter(t -> {
            t.setReceiveFrom(t.id());
            for (int i = 0; i <= t.task().quotas().notifications(); i++) {
                t.notifications().add(new int[] {0, 0, 0, 0});
            }
        }));
    }

    @Test
    @DisplayName("more live threads in a task than its quota")
    void threadsBeyondQuota() {
        assertEquals(Invariant.THREADS_WITHIN_QUOTA, violationAfter(t -> {
            for (int i = 0; i < t.task().quotas().threads(); i++) {
                Thread.create(ThreadId.of(5000 + i, 1), "extra", t.task(), t.priority(), t.context(), t.utcbAddress(),
                        t.utcbPhysical());
            }
        }));
    }
}
