package org.l4emu.tools.check;

import org.l4emu.tools.trace.EventDetail;

/**
 * How IPCs end and threads run again: a blocked source released or failed by monitors (M1, M2,
 * M5, M9), controller notifications (M6), errors, thread states, system calls (a thread that
 * runs is in no IPC) and thread lifetimes (P3).
 */
final class EndingChecks {
    /** The reason of a thread_exit event for a thread stopped by an unresolved fault. */
    private static final String STOPPED_BY_FAULT = "fault";

    private final Model model;
    private final Violations violations;
    private final Outcomes outcomes;
    private final Step step;

    EndingChecks(Model model, Outcomes outcomes, Step step) {
        this.model = model;
        this.violations = model.violations;
        this.outcomes = outcomes;
        this.step = step;
    }

    /** A thread entered the kernel, so it was running: whatever IPC it was in has ended. */
    void syscall(ThreadModel thread, EventDetail.Syscall syscall, long now) {
        if (thread.held != null) {
            violations.report(CheckedRule.M1, thread + " runs (system call) while monitors hold its IPC to "
                    + thread.held.destination + " before final delivery");
        } else if (thread.send != null || thread.receiving) {
            violations.report(CheckedRule.TRACE, thread + " runs (system call) although its IPC has not ended");
        }
        thread.endIpc();
        int[] arguments = syscall.arguments();
        if (syscall.number() == Abi.SYSCALL_IPC && arguments.length == 4) {
            thread.ipcTo = arguments[0];
            thread.ipcFrom = arguments[1];
            thread.ipcTimeouts = arguments[2];
            thread.ipcTime = now;
            if (arguments[0] == Abi.NIL && arguments[1] != Abi.NIL) {
                thread.startReceive(arguments[1], false);
            }
        } else if (syscall.number() == Abi.SYSCALL_EXCHANGE_REGISTERS && arguments.length > 0) {
            ThreadModel target = model.byId(arguments[0]);
            if (target != null) {
                step.cancelledTargets.add(target);
            }
        }
    }

    /** A blocked source's send ended after monitors: is there a reason the rules accept (M1-M5, M9)? */
    void unblock(ThreadModel blocked, EventDetail.Unblock unblock, long now) {
        InFlightIpc ipc = blocked.blockedIpc();
        int code = Abi.errorCode(unblock.dope());
        blocked.unblockedAt = now;
        if (ipc == null) {
            violations.report(CheckedRule.M1, blocked + "'s send is ended by monitors (" + unblock.cause()
                    + "), but it waits for no monitored IPC");
            blocked.endIpc();
            return;
        }
        Problem problem = code == 0 ? releaseProblem(blocked, ipc, now) : failureProblem(blocked, ipc, code, now);
        if (problem != null) {
            // A monitor's death is reported after the endings it causes: judge at the end of the step.
            step.questionableEndings.add(new Step.Ending(blocked, ipc, code, problem.rule(), problem.message(),
                    violations.seq()));
        }
        SendPhase ending = step.endingSends.get(blocked);
        if (ending != null) {
            outcomes.proceeded(ending);
            outcomes.completeSend(ending.sender);
        }
        ipc.blocked = null;
        blocked.lastIpc = ipc;
        if (code == 0) {
            outcomes.completeSend(blocked);
        } else {
            blocked.endIpc();
        }
    }

    private record Problem(CheckedRule rule, String message) {}

    /**
     * A controlling monitor that died in the step explains an ending: the source it held gets the
     * ending it was held after (M6 settled in docs/spec-decisions.md), final delivery's release or
     * another monitor's option 1 or 3, as its last notification reported it.
     */
    private boolean excusedByDeath(Step.Ending ending) {
        InFlightIpc ipc = ending.ipc();
        if (ipc.controller == null || !step.died.contains(ipc.controller)) {
            return false;
        }
        return ending.code() == ipc.heldErrorCode || ending.code() == 0 && ipc.finallyDelivered;
    }

    private Problem releaseProblem(ThreadModel blocked, InFlightIpc ipc, long now) {
        SendPhase unblocking = step.endingSends.get(blocked);
        if (unblocking != null && unblocking.option == Abi.OPTION_UNBLOCKING) {
            return null;
        }
        if (ipc.finallyDelivered && ipc.finalDeliveryAt == now) {
            ThreadModel controller = ipc.controller;
            if (controller == null || !controller.alive || step.died.contains(controller)
                    || controller.queuedNotifications > 0 && !step.notified.contains(ipc)) {
                return null;
            }
            return new Problem(CheckedRule.M2, blocked + " is released at final delivery although " + controller
                    + " controls its IPC: the controller is notified and the source stays blocked");
        }
        if (ipc.finallyDelivered && ipc.controller != null && step.died.contains(ipc.controller)) {
            return null;
        }
        return new Problem(CheckedRule.M1, blocked + " is released before its IPC to " + ipc.destination
                + " was finally delivered, and no monitor on its path sent it option 3");
    }

    private Problem failureProblem(ThreadModel blocked, InFlightIpc ipc, int code, long now) {
        switch (code) {
            case Abi.ERROR_TIMEOUT -> {
                return Abi.timeoutMicros(ipc.sourceSendTimeout) == 0
                        || TimeoutChecks.sendTimeoutDue(ipc, now, model.threads()) ? null : new Problem(CheckedRule.S3,
                        blocked + "'s send fails with error 1 although no send timeout of its IPC is due");
            }
            case Abi.ERROR_MONITOR -> {
                SendPhase error = step.endingSends.get(blocked);
                return error != null && error.option == Abi.OPTION_ERROR ? null : new Problem(CheckedRule.M1,
                        blocked + "'s send fails with error 8 although no monitor sent it option 1");
            }
            case Abi.ERROR_DELAY -> {
                long deadline = ipc.delayDeadline();
                boolean expired = deadline >= 0 && now > deadline;
                ipc.finallyDelivered = true;
                ipc.finalDeliveryAt = now;
                return expired ? null : new Problem(CheckedRule.M5, blocked + "'s send fails with error 5 (delay"
                        + " timeout) " + (deadline < 0 ? "although no delay timeout runs"
                        : (deadline - now) / 1000.0 + " us before its delay timeout expires"));
            }
            case Abi.ERROR_OVERFLOW -> {
                return ipc.finallyDelivered ? new Problem(CheckedRule.M6, blocked + "'s message was delivered, yet its"
                        + " send fails with error 4: a full notification queue must release it as if no controller"
                        + " were set") : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** A controller notification was queued for {@code monitor}: it must control that IPC (M6). */
    void notify(ThreadModel monitor, EventDetail.Notify notify, long now) {
        monitor.queuedNotifications++;
        ThreadModel blocked = model.byRef(notify.blockedSource());
        InFlightIpc ipc = blocked == null ? null : blocked.blockedIpc() != null ? blocked.blockedIpc()
                : blocked.unblockedAt == now ? blocked.lastIpc : null;
        if (ipc == null || ipc.controller != monitor) {
            violations.report(CheckedRule.M6, monitor + " is notified about " + notify.blockedSource()
                    + ", but it is not the controlling monitor of an IPC that source waits on");
            return;
        }
        step.notified.add(ipc);
        ipc.heldErrorCode = notify.errorCode();
        // Option 1 or 3 to a source whose IPC a controller holds becomes its notification (M6
        // settled): the send that asked for it is done.
        SendPhase ending = step.endingSends.remove(blocked);
        if (ending != null) {
            outcomes.proceeded(ending);
            outcomes.completeSend(ending.sender);
        }
    }

    /** An IPC of {@code thread} failed ({@code dope}); timeouts are judged by {@link TimeoutChecks}. */
    void failure(ThreadModel thread, int dope, long now) {
        int code = Abi.errorCode(dope);
        if (thread.ipcTime == now && thread.ipcTo == Abi.NIL && thread.ipcFrom == Abi.NIL) {
            violations.report(CheckedRule.ABI, "ipc(nilthread, nilthread) of " + thread + " fails with error " + code
                    + ": it has neither phase and must return at once with dope 0");
        }
        if (Abi.receivePhase(dope)) {
            heldButReceiving(thread, thread + "'s receive phase fails");
            thread.receiving = false;
            thread.faultReceive = false;
            return;
        }
        if (thread.unblockedAt == now) {
            return; // the unblock event before it reported this ending
        }
        SendPhase send = thread.send;
        if (send != null) {
            outcomes.failed(send, code);
            if (send.ipc != null && code == Abi.ERROR_DELAY) {
                delayExpired(thread, send.ipc, now);
            }
            if (send.ipc != null && send.ipc.blocked == thread) {
                send.ipc.blocked = null;
            }
        }
        thread.endIpc();
    }

    /**
     * M5: the delay timeout ended the IPC where it would have been delivered: it must have run
     * out, and the IPC is over (a later forward for it is one more message, delivered after it).
     */
    private void delayExpired(ThreadModel sender, InFlightIpc ipc, long now) {
        long deadline = ipc.delayDeadline();
        if (deadline < 0 || now <= deadline) {
            violations.report(CheckedRule.M5, sender + "'s send fails with error 5 (delay timeout) " + (deadline < 0
                    ? "although no delay timeout runs" : (deadline - now) / 1000.0 + " us before it expires"));
        }
        ipc.finallyDelivered = true;
        ipc.finalDeliveryAt = now;
    }

    /** M1: a thread whose send monitors hold has no receive phase until it is released. */
    void heldButReceiving(ThreadModel thread, String what) {
        if (thread.held != null) {
            violations.report(CheckedRule.M1, what + " while monitors hold its IPC to " + thread.held.destination
                    + ", before final delivery and with no release");
            thread.held.blocked = null;
            thread.send = null;
            thread.held = null;
        }
    }

    /** M1: a thread whose IPC monitors hold waits in awaiting_delivery until it is released. */
    void state(ThreadModel thread, String state, long now) {
        if (thread.held != null && !state.equals("awaiting_delivery")) {
            violations.report(CheckedRule.M1, thread + " becomes " + state + " while monitors hold its IPC to "
                    + thread.held.destination + ", before final delivery and with no release");
            thread.held.blocked = null;
            thread.endIpc();
        }
        if (thread.send != null && (state.equals("sending") || state.equals("awaiting_delivery"))) {
            outcomes.proceeded(thread.send);
        }
        if (thread.ipcTime == now && thread.ipcTo == Abi.NIL && thread.ipcFrom == Abi.NIL
                && state.equals("receiving")) {
            violations.report(CheckedRule.ABI, "ipc(nilthread, nilthread) of " + thread + " blocks: it has neither"
                    + " phase and must return at once");
        }
    }

    /** M2 at the end of the step of a final delivery: the blocked source released, or its controller notified. */
    void endOfStep() {
        for (Step.Ending ending : step.questionableEndings) {
            if (!excusedByDeath(ending)) {
                violations.reportAt(ending.seq(), ending.rule(), ending.message());
            }
        }
        for (InFlightIpc ipc : step.finalDeliveries) {
            ThreadModel blocked = ipc.blocked;
            if (blocked == null) {
                continue;
            }
            ThreadModel controller = ipc.controller;
            if (controller == null || !controller.alive) {
                violations.report(CheckedRule.M2, "the IPC of " + ipc.trueSource + " was finally delivered to "
                        + ipc.destination + ", but its blocked source " + blocked + " was not released");
            } else if (!step.notified.contains(ipc)) {
                violations.report(CheckedRule.M2, "the IPC of " + ipc.trueSource + " was finally delivered, but its"
                        + " controlling monitor " + controller + " was not notified");
            } else if (blocked.send != null && blocked.held == null) {
                blocked.held = ipc; // held for the controller's decision (M6)
            }
        }
    }

    void started(ThreadModel thread) {
        thread.alive = true;
        thread.task.threadsKept++;
        model.booted = true;
    }

    void created(ThreadModel thread) {
        started(thread);
        step.created.add(thread);
    }

    void exited(ThreadModel thread, String reason) {
        InFlightIpc ipc = thread.blockedIpc();
        if (ipc != null) {
            ipc.blocked = null;
        }
        thread.endIpc();
        thread.deadline = ThreadModel.NO_DEADLINE;
        boolean kept = thread.alive || thread.stopped;
        thread.alive = false;
        step.died.add(thread);
        // A thread a fault stopped keeps its task, for the report and the debugger (spec-decisions, P3).
        thread.stopped = reason.equals(STOPPED_BY_FAULT);
        if (thread.stopped) {
            return;
        }
        thread.task.threads.remove(thread);
        if (kept) {
            thread.task.threadsKept--;
        }
        if (reason.equals("deleted") && thread.task.threadsKept == 0) {
            thread.task.deleted = true;
            step.emptiedTasks.add(thread.task);
        }
    }
}
