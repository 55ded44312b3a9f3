package org.l4emu.tools.check;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.TraceEvent;

/**
 * Checks the SEMANTICS.md rules on a stream of trace events, one event at a time, with a model
 * of its own built only from what the events say (threads, IPCs in flight and their paths,
 * mappings, UTCB ownership, timeouts): no kernel data structure is ever consulted. Feed it the
 * events of a trace in order with {@link #accept}, then call {@link #finish}; it works the same
 * on a recorded trace ({@code l4emu trace check}) and live ({@link LiveRuleChecker}). What each
 * rule checks, and what it cannot, is in docs/checker.md.
 */
public final class RuleChecker {
    /** Violations kept for reports by default; every one is still counted. */
    public static final int DEFAULT_KEPT = 1000;
    /** The state a thread's last event puts it in (trace format). */
    private static final String DEAD = "dead";

    private final Violations violations;
    private final Model model;
    private final Step step = new Step();
    private final SendClassifier sends;
    private final DeliveryChecks deliveries;
    private final EndingChecks endings;
    private final TimeoutChecks timeouts;
    private final MemoryChecks memory;
    private final Outcomes outcomes;
    private long events;
    private long lastSeq;
    /** The send of the event before, until the next event shows whether the kernel refused it. */
    private SendPhase justSent;
    private boolean ended;

    public RuleChecker() {
        this(DEFAULT_KEPT, violation -> { });
    }

    /** Keeps the first {@code kept} violations and tells {@code listener} of each as it is found. */
    public RuleChecker(int kept, Consumer<Violation> listener) {
        this.violations = new Violations(kept, listener);
        this.model = new Model(violations);
        this.outcomes = new Outcomes(violations);
        this.sends = new SendClassifier(model);
        this.endings = new EndingChecks(model, outcomes, step);
        this.deliveries = new DeliveryChecks(model, outcomes, step, endings);
        this.timeouts = new TimeoutChecks(violations);
        this.memory = new MemoryChecks(model, step);
    }

    /** Checks the next event of the trace (events must come in trace order, each once). */
    public void accept(TraceEvent event) {
        long now = event.timeNanos();
        if (now != step.time) {
            // What the end of a step reveals is reported at the step's last event.
            violations.at(lastSeq, step.time);
            endStep();
            step.begin(now);
        }
        violations.at(event.seq(), now);
        lastSeq = event.seq();
        acceptUnlessRefused(event);
        timeouts.scanLate(now);
        events++;
        ThreadModel thread = model.thread(event.thread());
        switch (event.detail()) {
            case EventDetail.ThreadStart ignored -> endings.started(thread);
            case EventDetail.ThreadCreated ignored -> endings.created(thread);
            case EventDetail.ThreadExit exit -> endings.exited(thread, exit.reason());
            case EventDetail.Syscall syscall -> endings.syscall(thread, syscall, now);
            case EventDetail.FaultIpc fault -> {
                thread.ipcTime = -1; // a new trap: what follows is no longer its system call's
                thread.faultHandler = fault.handler().id();
            }
            case EventDetail.Send send -> send(thread, send);
            case EventDetail.Redirect redirect -> deliveries.redirect(thread, redirect, now);
            case EventDetail.Items items -> memory.items(thread, items);
            case EventDetail.Deliver deliver -> {
                memory.delivered(thread);
                deliveries.deliver(thread, deliver, now);
            }
            case EventDetail.Unblock unblock -> endings.unblock(thread, unblock, now);
            case EventDetail.Notify notify -> endings.notify(thread, notify, now);
            case EventDetail.Failure failure -> failure(thread, event.kind(), failure.dope(), now);
            case EventDetail.Deadline deadline -> {
                if (deadline.deadlineNanos() != EventDetail.Deadline.NONE) {
                    endings.heldButReceiving(thread, thread + " blocks with a timeout");
                }
                timeouts.deadline(thread, deadline.deadlineNanos(), now);
            }
            case EventDetail.StateChange change -> {
                endings.state(thread, change.state(), now);
                if (change.state().equals(DEAD)) {
                    model.forget(thread);
                }
            }
            case EventDetail.PageFault fault -> {
                thread.ipcTime = -1;
                memory.pageFault(thread, fault);
            }
            case EventDetail.KernelMapping mapping -> memory.kernelMap(mapping);
            case EventDetail.Mapping mapping -> memory.map(mapping);
            case EventDetail.Unmapping unmapping -> memory.unmap(unmapping);
            case EventDetail.Rule rule -> rule(rule);
            case EventDetail.Allow allow -> {
                TaskModel source = model.task(allow.source());
                if (source.allowed == null) {
                    source.allowed = new java.util.HashSet<>();
                }
                source.allowed.add(allow.dest().number());
            }
            case EventDetail.End ignored -> finish();
            case EventDetail.SyscallError ignored -> { } // a refused call changes nothing the model holds
            case EventDetail.Console ignored -> { }
            case EventDetail.Breakpoint ignored -> { }
            case EventDetail.Switch ignored -> { }
        }
    }

    /**
     * A refusal comes as the very next event (P2: checks before anything waits). Any other next
     * event means the kernel accepted the send, and did to its IPC what a forward does (R5, M5, M6).
     */
    private void acceptUnlessRefused(TraceEvent event) {
        SendPhase send = justSent;
        justSent = null;
        if (send == null || send.resolved) {
            return;
        }
        boolean refusal = event.detail() instanceof EventDetail.Failure failure && !Abi.receivePhase(failure.dope())
                && model.thread(event.thread()) == send.sender && Outcomes.refusedByCheck(send, Abi.errorCode(failure.dope()));
        if (!refusal) {
            outcomes.proceeded(send);
        }
    }

    private void send(ThreadModel thread, EventDetail.Send send) {
        SendPhase phase = sends.classify(thread, send);
        justSent = phase;
        thread.send = phase;
        if (phase.kind == SendPhase.Kind.END_BLOCKED_SOURCE && phase.blockedTarget != null) {
            step.endingSends.put(phase.blockedTarget, phase);
        }
    }

    private void failure(ThreadModel thread, EventKind kind, int dope, long now) {
        memory.failed(thread, Abi.errorCode(dope));
        if (kind == EventKind.TIMEOUT) {
            timeouts.fired(thread, Abi.receivePhase(dope), now);
        } else {
            thread.deadline = ThreadModel.NO_DEADLINE;
        }
        endings.failure(thread, dope, now);
    }

    private void rule(EventDetail.Rule rule) {
        TaskModel source = model.task(rule.source());
        TaskModel dest = model.task(rule.dest());
        ThreadModel monitor = model.thread(rule.monitor());
        if (rule.added()) {
            model.rules.add(new RuleTable.Rule(source, dest, monitor, MonitorClass.named(rule.monitorClass())));
        } else {
            model.rules.remove(source, dest, monitor);
        }
    }

    private void endStep() {
        if (step.time < 0) {
            return;
        }
        endings.endOfStep();
        memory.endOfStep();
    }

    /** The trace is over (its end event, or the end of the input): checks that wait for the end of a step run. */
    public void finish() {
        if (ended) {
            return;
        }
        ended = true;
        endStep();
        memory.ended();
    }

    public List<Violation> violations() {
        return violations.list();
    }

    /** The first violation of each rule broken, in rule order. */
    public List<Violation> firstOfEachRule() {
        return violations.firstOfEachRule();
    }

    /** Violations found so far, by rule (all of them, also those not kept). */
    public Map<CheckedRule, Long> counts() {
        return violations.counts();
    }

    public long violationCount() {
        return violations.total();
    }

    public long events() {
        return events;
    }

    /** "R3 2, S5 1": the violations found, by rule, in rule order; empty when none. */
    public String countsText() {
        StringBuilder text = new StringBuilder();
        violations.counts().forEach((rule, count) -> text.append(text.isEmpty() ? "" : ", ").append(rule.name())
                .append(' ').append(count));
        return text.toString();
    }
}
