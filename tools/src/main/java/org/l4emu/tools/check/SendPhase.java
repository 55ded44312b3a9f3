package org.l4emu.tools.check;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/** One send phase on its way, as the checker expects it to go: whom receivers must see, and the hops ahead. */
final class SendPhase {
    enum Kind {
        /** The thread's own send (or option 0, unreliable). */
        PLAIN,
        /** A page-fault or exception message the kernel sends for the thread (S6). */
        FAULT,
        /** Options 4-7: a monitor sends as the true source (R3). */
        FORWARD,
        /** Options 1 and 3: end a blocked source's send (M3, M9); no message is delivered. */
        END_BLOCKED_SOURCE,
        /** Option 2: pass a controller notification on (M6). */
        PASS_NOTIFICATION
    }

    final ThreadModel sender;
    final Kind kind;
    final int option;
    final int visibleFrom;
    final ThreadModel destination;
    /** The monitored IPC it carries; dropped when the kernel sent a thread's own message past its monitors. */
    InFlightIpc ipc;
    final Deque<Hop> remaining;
    /** The dope a monitor on the path must see (R, D, option), and what everyone else must see. */
    final int monitorDope;
    final int plainDope;
    final Verdict verdict;
    /** The target of options 1 and 3. */
    final ThreadModel blockedTarget;
    /** Option 2: the IPC of the blocked source in MR1, whose notification it passes on (M6). */
    InFlightIpc passedOn;
    /** The receive phase that follows a successful send (from_spec, or the fault handler), or nil. */
    int followingFrom;
    /** What proceeding does to the checker's model (a forward continues its IPC); run once, when it does. */
    Runnable onProceed = () -> { };
    boolean resolved;

    SendPhase(ThreadModel sender, Kind kind, int option, int visibleFrom, ThreadModel destination, InFlightIpc ipc,
              Collection<Hop> remaining, int monitorDope, int plainDope, Verdict verdict, ThreadModel blockedTarget) {
        this.sender = sender;
        this.kind = kind;
        this.option = option;
        this.visibleFrom = visibleFrom;
        this.destination = destination;
        this.ipc = ipc;
        this.remaining = new ArrayDeque<>(remaining);
        this.monitorDope = monitorDope;
        this.plainDope = plainDope;
        this.verdict = verdict;
        this.blockedTarget = blockedTarget;
    }

    /** The thread the message must reach next: the first monitor ahead, or the destination. */
    ThreadModel nextHop() {
        return remaining.isEmpty() ? destination : remaining.peekFirst().monitor();
    }

    boolean nextHopIsMonitor() {
        return !remaining.isEmpty();
    }

    /** The final receiver (M4, M8): the first destination-class monitor ahead, or the destination. */
    ThreadModel finalReceiver() {
        for (Hop hop : remaining) {
            if (hop.monitorClass() == MonitorClass.DESTINATION) {
                return hop.monitor();
            }
        }
        return destination;
    }

    boolean isOwnSendOfBlockedSource() {
        return ipc != null && ipc.blocked == sender && kind != Kind.FORWARD;
    }
}
