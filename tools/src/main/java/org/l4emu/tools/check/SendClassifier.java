package org.l4emu.tools.check;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.tools.trace.EventDetail;

/**
 * Turns a send or forward event into the checker's expectation of it (a {@link SendPhase}): where
 * the message must go, what each receiver must see, and whether the rules let it proceed at all
 * (P1 and S6 for a thread's own send, R3 and M6 for a deceit forward, M9 for options 1-3).
 */
final class SendClassifier {
    private final Model model;

    SendClassifier(Model model) {
        this.model = model;
    }

    SendPhase classify(ThreadModel sender, EventDetail.Send send) {
        if (sender.faultHandler != 0) {
            ThreadModel handler = model.byId(sender.faultHandler);
            sender.faultHandler = 0;
            return own(sender, SendPhase.Kind.FAULT, handler, -1, null, handler == null ? Abi.NIL : handler.id, 0);
        }
        int option = Abi.option(send.sendDescriptor());
        ThreadModel to = model.byRef(send.to());
        return switch (option) {
            case -1, Abi.OPTION_UNRELIABLE -> own(sender, SendPhase.Kind.PLAIN, to, option, send.block(),
                    sender.ipcFrom, Abi.sendTimeout(sender.ipcTimeouts));
            case Abi.OPTION_ERROR, Abi.OPTION_UNBLOCKING -> endBlockedSource(sender, to, option);
            case Abi.OPTION_NOTIFICATION -> passNotification(sender, to, send.mr1());
            default -> forward(sender, to, option, send.block());
        };
    }

    /** The thread's own message (or the kernel's fault message for it): direct, or into its path (R2). */
    private SendPhase own(ThreadModel sender, SendPhase.Kind kind, ThreadModel to, int option,
                          EventDetail.ParameterBlock block, int following, int sendTimeout) {
        CheckedRule rule = kind == SendPhase.Kind.FAULT ? CheckedRule.S6 : CheckedRule.P1;
        if (to == null) {
            return phase(sender, kind, option, sender.id, null, null, List.of(), 0, 0,
                    Verdict.refuse(CheckedRule.TRACE, "the destination does not exist"), null, following);
        }
        List<Hop> path = model.rules.path(sender, to.task);
        if (path.isEmpty()) {
            Verdict verdict = sender.task.mayReach(to.task)
                    ? Verdict.proceed(rule, sender.task + " may send to " + to.task)
                    : Verdict.refuse(rule, sender.task + "'s allow rules do not name " + to.task
                            + " and no redirection rule routes its IPC to a monitor");
            return phase(sender, kind, option, sender.id, to, null, List.of(), 0, 0, verdict, null, following);
        }
        long delay = block == null ? 0 : Abi.unsigned(block.delayMicros());
        sender.released = null;
        InFlightIpc ipc = new InFlightIpc(sender, to, path, sendTimeout, option == Abi.OPTION_UNRELIABLE, delay,
                kind == SendPhase.Kind.FAULT);
        int monitorDope = Abi.DOPE_R | (option == Abi.OPTION_UNRELIABLE ? Abi.optionDope(option) : 0);
        return phase(sender, kind, option, sender.id, to, ipc, path, monitorDope, 0,
                Verdict.proceed(rule, "a redirection rule routes it to monitor " + path.getFirst().monitor()),
                null, following);
    }

    /** Options 4-7: R3 (who may deceive for whom), M6 (who may control), R5 (where the path goes on). */
    private SendPhase forward(ThreadModel monitor, ThreadModel to, int option, EventDetail.ParameterBlock block) {
        ThreadModel trueSource = block == null ? null : model.byRef(block.trueSource());
        int dope = Abi.DOPE_R | Abi.DOPE_D | Abi.optionDope(option);
        if (to == null || trueSource == null) {
            return phase(monitor, SendPhase.Kind.FORWARD, option, block == null ? 0 : block.trueSource().id(), to,
                    null, List.of(), dope, 0, Verdict.refuse(CheckedRule.R3, "a deceit forward needs a parameter block"
                            + " naming a live true source, and a live destination"), null, monitor.ipcFrom);
        }
        boolean namesBlocked = option == Abi.OPTION_DECEIT_BLOCKED || option == Abi.OPTION_DECEIT_BOTH;
        boolean namesController = option == Abi.OPTION_DECEIT_CONTROLLER || option == Abi.OPTION_DECEIT_BOTH;
        ThreadModel blocked = namesBlocked ? model.byRef(block.blockedSource()) : trueSource;
        InFlightIpc ipc = continuedIpc(blocked, namesBlocked, monitor);
        if (ipc != null && !ipc.onPath(monitor)) {
            ipc = null;
        }
        boolean takesOver = ipc != null && ipc.blocked == blocked && blocked.held == null;
        // Read now: the kernel clears the source's deadline when the forward takes its wait over.
        long sourceDeadline = blocked == null ? ThreadModel.NO_DEADLINE : blocked.deadline;
        List<Hop> full = model.rules.path(trueSource, to.task);
        int at = RuleTable.indexOf(full, monitor);
        MonitorClass forwarderClass = ipc != null ? ipc.path.get(ipc.indexOf(monitor)).monitorClass()
                : at >= 0 ? full.get(at).monitorClass() : MonitorClass.SYSTEM;
        // A forwarder whose own rule went while it held the IPC goes on to the monitors it has not passed (R1).
        List<Hop> rest = at >= 0 ? full.subList(at + 1, full.size())
                : ipc != null && to == ipc.destination ? notPassed(full, forwarderClass, ipc, monitor)
                : laterThan(full, forwarderClass);
        Verdict verdict = forwardVerdict(monitor, trueSource, to, at >= 0, namesBlocked, blocked, ipc,
                namesController ? model.byRef(block.controllingMonitor()) : null, namesController);
        SendPhase phase = phase(monitor, SendPhase.Kind.FORWARD, option, trueSource.id, to, ipc, rest, dope, 0,
                verdict, null, monitor.ipcFrom);
        InFlightIpc continued = ipc;
        ThreadModel controller = namesController ? model.byRef(block.controllingMonitor()) : null;
        phase.onProceed = () -> {
            if (takesOver) {
                blocked.held = continued;
                continued.m4Deadline = sourceDeadline;
                continued.holder = monitor;
            }
            if (continued != null) {
                continued.redirect(monitor, to, rest);
                if (controller != null) {
                    continued.takeControl(controller);
                }
                continued.limitDelay(Abi.unsigned(block.delayMicros()));
            }
        };
        return phase;
    }

    /**
     * The IPC a forward continues: for option 5 or 7, that of the blocked source it names if
     * monitors hold it, or one whose own send still waits for its first monitor (M9), which the
     * forward takes over (R3); for option 4 or 6, the true source's if the forwarder received it
     * last (holds it), while monitors hold it for the source or after an unreliable send released
     * the source from it before final delivery (M7, M5). A monitor the source's current IPC has
     * not reached continues nothing (M1).
     */
    private static InFlightIpc continuedIpc(ThreadModel named, boolean namesBlocked, ThreadModel monitor) {
        if (named == null) {
            return null;
        }
        if (namesBlocked) {
            return named.blockedSourceIpc();
        }
        InFlightIpc released = named.released;
        boolean stillCarried = released != null && released.blocked == null && !released.finallyDelivered;
        InFlightIpc ipc = named.held != null ? named.held : stillCarried ? released : null;
        return ipc != null && ipc.holder == monitor ? ipc : null;
    }

    private Verdict forwardVerdict(ThreadModel monitor, ThreadModel trueSource, ThreadModel to, boolean onNewPath,
                                   boolean namesBlocked, ThreadModel blocked,
                                   InFlightIpc ipc, ThreadModel controller, boolean namesController) {
        // R3 as written: a rule in force whose source matches S names the forwarder, on path(S, D')
        // or as a system monitor (which may forward anywhere); holding an IPC is no licence.
        boolean systemMonitor = model.rules.isSystemMonitorFor(monitor, trueSource);
        if (!onNewPath && !systemMonitor) {
            return Verdict.refuse(CheckedRule.R3, monitor + " forwards as " + trueSource + " to " + to
                    + ", but no rule in force puts it on path(" + trueSource.task + ", " + to.task
                    + ") and it is no system monitor for " + trueSource.task);
        }
        if (namesBlocked && ipc == null) {
            return Verdict.refuse(CheckedRule.R3, "the blocked source it names (" + (blocked == null ? "none" : blocked)
                    + ") waits for no IPC whose path holds " + monitor);
        }
        if (namesController && controller != monitor) {
            return Verdict.refuse(CheckedRule.M6, "the controlling monitor it names (+8) is "
                    + (controller == null ? "no live thread" : controller) + ", not the forwarder " + monitor);
        }
        if (namesController && (ipc == null || ipc.blocked == null)) {
            return Verdict.refuse(CheckedRule.M6, "option 6 or 7 on a forward that holds no IPC with a blocked source");
        }
        return Verdict.proceed(CheckedRule.R3, monitor + (onNewPath ? " is on path(" + trueSource.task + ", "
                + to.task + ")" : " is a system monitor for " + trueSource.task));
    }

    /** Options 1 and 3 (M3, M9): only a monitor on the target's current path may end its send. */
    private SendPhase endBlockedSource(ThreadModel monitor, ThreadModel target, int option) {
        InFlightIpc ipc = target == null ? null : target.blockedSourceIpc();
        Verdict verdict = ipc != null && ipc.onPath(monitor)
                ? Verdict.proceed(CheckedRule.M9, monitor + " is on the path of " + target + "'s IPC")
                : Verdict.refuse(CheckedRule.M9, monitor + " sends option " + option + " to "
                        + (target == null ? "a thread that does not exist" : target
                                + ", which is not a blocked source of an IPC whose path holds " + monitor));
        return phase(monitor, SendPhase.Kind.END_BLOCKED_SOURCE, option, monitor.id, null, ipc, List.of(), 0, 0,
                verdict, target, monitor.ipcFrom);
    }

    /** Option 2 (M6, M9): a notification passed on between two monitors of the blocked source's path. */
    private SendPhase passNotification(ThreadModel monitor, ThreadModel to, int mr1) {
        ThreadModel blocked = model.byId(mr1);
        InFlightIpc ipc = blocked == null ? null : blocked.blockedIpc();
        boolean permitted = ipc != null && to != null && ipc.onPath(monitor) && ipc.onPath(to);
        Verdict verdict = permitted
                ? Verdict.proceed(CheckedRule.M9, "both monitors are on the path of " + blocked + "'s IPC")
                : Verdict.refuse(CheckedRule.M9, monitor + " passes a notification to " + (to == null ? "nobody" : to)
                        + ", but the two are not both on the path of an IPC of the blocked source in MR1");
        SendPhase phase = phase(monitor, SendPhase.Kind.PASS_NOTIFICATION, Abi.OPTION_NOTIFICATION, monitor.id, to,
                null, List.of(), Abi.NOTIFICATION_DOPE, Abi.NOTIFICATION_DOPE, verdict, null, monitor.ipcFrom);
        if (permitted) {
            // M6: received by a monitor that controlled the IPC before, the decision is that
            // monitor's again (docs/spec-decisions.md); see DeliveryChecks.deliver.
            phase.passedOn = ipc;
        }
        return phase;
    }

    /** R1: the monitors of {@code path} of {@code monitorClass} or later that the IPC has not passed up to {@code forwarder}. */
    private static List<Hop> notPassed(List<Hop> path, MonitorClass monitorClass, InFlightIpc ipc,
                                       ThreadModel forwarder) {
        List<Hop> passed = ipc.path.subList(0, ipc.indexOf(forwarder) + 1);
        List<Hop> rest = new ArrayList<>();
        for (Hop hop : path) {
            if (hop.monitorClass().compareTo(monitorClass) >= 0 && RuleTable.indexOf(passed, hop.monitor()) < 0) {
                rest.add(hop);
            }
        }
        return rest;
    }

    /** R5 for a forwarder not on the new path: the monitors of a later class than its own. */
    private static List<Hop> laterThan(List<Hop> path, MonitorClass monitorClass) {
        List<Hop> later = new ArrayList<>();
        for (Hop hop : path) {
            if (hop.monitorClass().compareTo(monitorClass) > 0) {
                later.add(hop);
            }
        }
        return later;
    }

    private static SendPhase phase(ThreadModel sender, SendPhase.Kind kind, int option, int visibleFrom,
                                   ThreadModel destination, InFlightIpc ipc, List<Hop> remaining, int monitorDope,
                                   int plainDope, Verdict verdict, ThreadModel blockedTarget, int following) {
        SendPhase phase = new SendPhase(sender, kind, option, visibleFrom, destination, ipc, remaining, monitorDope,
                plainDope, verdict, blockedTarget);
        phase.followingFrom = following;
        return phase;
    }
}
