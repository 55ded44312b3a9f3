package org.l4emu.kernel.ipc;

import java.util.Map;
import java.util.WeakHashMap;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.redirect.MonitorPath;
import org.l4emu.kernel.redirect.RedirectionTable;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.MonitorClass;

/**
 * The options only monitors may use: deceit forwards (options 4-7, R3, R5, M5, M6), error and
 * unblocking IPC to a blocked source (options 1 and 3, M3, M9), and passing a controller
 * notification on (option 2, M6, M9). Every permission check happens before anything waits.
 */
final class MonitorOptions {
    /** Option 1's MR1: the error code the blocked source gets in ErrorCode (ABI section 3.2). */
    private static final int ERROR_CODE_MR = 1;
    /** Option 2's MR1: the blocked source whose path holds both monitors. */
    private static final int BLOCKED_SOURCE_MR = 1;

    private final ThreadTable threads;
    private final VirtualClock clock;
    private final Utcb utcb;
    private final RedirectionTable redirections;
    private final Rendezvous rendezvous;
    private final SendRouter router;
    /** path(S, D) of the forward being checked: filled afresh by each forward, never kept. */
    private final MonitorPath fullPath = new MonitorPath();
    /**
     * Option 3's ending by each monitor, made at its first: a controlling monitor releases its
     * caller with option 3 every round (M6), and the ending's cause names the monitor. Weak: a
     * monitor that has gone leaves no entry behind.
     */
    private final Map<Thread, MonitoredIpc.Ending> unblockingEndings = new WeakHashMap<>();

    MonitorOptions(ThreadTable threads, VirtualClock clock, Utcb utcb, RedirectionTable redirections,
                   Rendezvous rendezvous, SendRouter router) {
        this.threads = threads;
        this.clock = clock;
        this.utcb = utcb;
        this.redirections = redirections;
        this.rendezvous = rendezvous;
        this.router = router;
    }

    /**
     * Options 1 and 3: end a blocked source's IPC with the monitor's error code (MR1), or release
     * it (M3, M6). They never wait: their target is a blocked source whose current path holds
     * the monitor, also one still waiting at the M4 check, or the monitor gets error 6 (M9).
     * With a controlling monitor set, another monitor's ending is reported to it (M6).
     */
    void endBlockedSource(Thread monitor, int to, boolean withError) {
        Thread blocked = threads.lookup(to);
        MonitoredIpc ipc = blockedIpcOnPath(blocked, monitor);
        if (ipc == null) {
            rendezvous.fail(monitor, IpcError.NOT_PERMITTED, Phase.SEND);
            return;
        }
        MonitoredIpc.Ending ending = withError
                ? new MonitoredIpc.Ending(IpcError.MONITOR_ERROR, utcb.read(monitor, Utcb.MR0 + ERROR_CODE_MR),
                        "error IPC from " + monitor.name())
                : unblockingBy(monitor);
        rendezvous.conclude(ipc, ipc.finalReceiver(), ending, monitor);
        rendezvous.completeSend(monitor);
    }

    private MonitoredIpc.Ending unblockingBy(Thread monitor) {
        MonitoredIpc.Ending ending = unblockingEndings.get(monitor);
        if (ending == null) {
            ending = new MonitoredIpc.Ending(IpcError.NONE, 0, "unblocking IPC from " + monitor.name());
            unblockingEndings.put(monitor, ending);
        }
        return ending;
    }

    /**
     * Option 2: a monitor passes a notification on to another monitor of the same path; the path
     * is that of the blocked source named in MR1. The receiver sees from = the sender, dope 0x5.
     * Passed from the controlling monitor to one that controlled the IPC before, the decision
     * is the receiver's again when it receives the notification (M6), not when the send begins:
     * an ordinary send that fails changes nothing, and its sender decides (R3, M3).
     */
    void passNotification(Thread monitor, int to, int sendTimeout) {
        Thread target = threads.lookup(to);
        if (target == null) {
            rendezvous.fail(monitor, IpcError.NO_PARTNER, Phase.SEND);
            return;
        }
        Thread blocked = threads.lookup(utcb.read(monitor, Utcb.MR0 + BLOCKED_SOURCE_MR));
        MonitoredIpc ipc = blocked == null ? null : blocked.monitoredIpc();
        if (ipc == null || !ipc.onPath(monitor) || !ipc.onPath(target)) {
            rendezvous.fail(monitor, IpcError.NOT_PERMITTED, Phase.SEND);
            return;
        }
        // M6: passed on to an earlier controlling monitor, the decision is that monitor's once it
        // has received the notification; a pass that fails (R3, M3) leaves it with the sender.
        PendingSend send = PendingSend.direct(monitor, target, ControllerNotifications.DOPE, sendTimeout);
        send.passControlOf(ipc);
        router.offer(send, sendTimeout);
    }

    /**
     * Options 4-7: forward as the true source S, to the IPC's destination or a new one (R3, R5).
     * The forwarder must be named by a redirection rule whose source matches S; a source or
     * destination monitor may forward only to destinations whose path holds it, a system
     * monitor anywhere. A blocked source named by option 5 or 7 must be blocked in an IPC whose
     * path holds the forwarder, also one whose own send still waits (at the M4 check, or for a
     * busy monitor: M9), and option 6 or 7 must continue such an IPC and name the forwarder
     * itself as controlling monitor (M6). Anything else: error 6.
     */
    void forward(Thread monitor, int to, int sendTimeout, int option, ParameterBlock block) {
        if (block == null) {
            rendezvous.fail(monitor, IpcError.INVALID_ARGUMENT, Phase.SEND);
            return;
        }
        Thread destination = threads.lookup(to);
        Thread trueSource = threads.lookup(block.trueSource());
        if (destination == null || trueSource == null) {
            rendezvous.fail(monitor, IpcError.NO_PARTNER, Phase.SEND);
            return;
        }
        boolean namesBlockedSource = Abi.Option.namesBlockedSource(option);
        boolean namesController = Abi.Option.namesControllingMonitor(option);
        Thread blocked = namesBlockedSource ? threads.lookup(block.blockedSource()) : trueSource;
        MonitoredIpc ipc = namesBlockedSource ? blockedIpcOnPath(blocked, monitor) : sourceIpcOnPath(blocked, monitor);
        redirections.path(trueSource, destination.task(), fullPath);
        int at = fullPath.indexOf(monitor);
        MonitorClass forwarderClass = classOf(monitor, ipc, at);
        boolean onPathFromSource = at >= 0 || redirections.isSystemMonitorFor(monitor, trueSource);
        boolean permitted = onPathFromSource
                && (!namesBlockedSource || ipc != null)
                && (!namesController || controllable(ipc) && block.controllingMonitor() == monitor.id());
        if (!permitted) {
            rendezvous.fail(monitor, IpcError.NOT_PERMITTED, Phase.SEND);
            return;
        }
        long sourceDeadline = ipc != null && ipc.blockedSource() == blocked && blocked.state() == ThreadState.SENDING
                ? rendezvous.takeOverWaitingSend(ipc, monitor) : Thread.NO_DEADLINE;
        PendingSend send = PendingSend.monitored(monitor, trueSource.id(), destination, ipc, Dope.option(option), true,
                sendTimeout);
        MonitorPath rest = send.remaining();
        if (at >= 0) {
            rest.copyFrom(fullPath, at + 1);
        } else if (ipc != null && destination == ipc.destination()) {
            // R1, the forwarder's own rule removed while it held the IPC: the rest still comes from
            // the rules in force, the monitors of its class or later it has not passed; R5's
            // "later class only" is for a new destination and would skip the monitors after it.
            rest.copyNotPassed(fullPath, forwarderClass, ipc.path(), ipc.path().indexOf(monitor) + 1);
        } else {
            // R5 for a forwarder not on the new path: the monitors of a later class than its own.
            rest.copyLaterThan(fullPath, forwarderClass);
        }
        if (ipc != null) {
            ipc.redirect(monitor, destination, rest);
            if (namesController) {
                ipc.setControllingMonitor(monitor);
            }
            ipc.setClaimedSource(trueSource.id());
            ipc.limitDelay(Integer.toUnsignedLong(block.delayTimeoutMicros()));
        }
        router.route(send, sourceDeadline);
    }

    /**
     * The IPC {@code blocked} waits on as its blocked source (M1), still in its send phase (as at
     * the M4 check) or held by monitors, if that IPC's current path holds {@code monitor}; else null.
     */
    private static MonitoredIpc blockedIpcOnPath(Thread blocked, Thread monitor) {
        if (blocked == null || blocked.state() != ThreadState.SENDING) {
            return awaitedIpcOnPath(blocked, monitor);
        }
        MonitoredIpc ipc = blocked.monitoredIpc();
        return ipc != null && ipc.blockedSource() == blocked && ipc.onPath(monitor) ? ipc : null;
    }

    /**
     * The IPC a forward that names no blocked source continues: the true source's, if
     * {@code monitor} is the monitor it reached last (it holds the IPC) and the source awaits
     * its final delivery, or an unreliable send released the source (M7: its delay timeout still
     * holds, M5); else null. A monitor further along the path forwarding a message of the
     * source's earlier IPC (a destination monitor after final delivery at itself, M8) does not
     * carry the source's next IPC, which has not reached it (M1).
     */
    private static MonitoredIpc sourceIpcOnPath(Thread trueSource, Thread monitor) {
        MonitoredIpc awaited = awaitedIpcOnPath(trueSource, monitor);
        if (awaited != null) {
            return awaited.holder() == monitor ? awaited : null;
        }
        MonitoredIpc last = trueSource.monitoredIpcRecord();
        return last != null && last.releasedInFlight() && last.holder() == monitor ? last : null;
    }

    /** M6: a controlling monitor decides when a blocked source is released; a released one has none. */
    private static boolean controllable(MonitoredIpc ipc) {
        return ipc != null && ipc.blockedSource() != null;
    }

    /**
     * The IPC a forward continues: that of the thread it names, if a monitor holds it (the
     * thread awaits final delivery) and its path holds {@code monitor}; else null.
     */
    private static MonitoredIpc awaitedIpcOnPath(Thread blocked, Thread monitor) {
        if (blocked == null || blocked.state() != ThreadState.AWAITING_DELIVERY) {
            return null;
        }
        MonitoredIpc ipc = blocked.monitoredIpc();
        return ipc != null && ipc.blockedSource() == blocked && ipc.onPath(monitor) ? ipc : null;
    }

    private MonitorClass classOf(Thread monitor, MonitoredIpc ipc, int at) {
        if (ipc != null) {
            return ipc.path().monitorClass(ipc.path().indexOf(monitor));
        }
        if (at >= 0) {
            return fullPath.monitorClass(at);
        }
        return MonitorClass.SYSTEM;
    }
}
