package org.l4emu.tools.step;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.replay.CodeBreakpoint;
import org.l4emu.tools.replay.EventListener;
import org.l4emu.tools.replay.Hit;
import org.l4emu.tools.replay.Position;
import org.l4emu.tools.replay.Replay;
import org.l4emu.tools.replay.UtcbWords;
import org.l4emu.tools.replay.Watchpoint;
import org.l4emu.tools.source.SourceLine;
import org.l4emu.tools.source.Sources;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.EventTable;
import org.l4emu.tools.trace.ThreadInfo;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.Words;

/**
 * The state behind {@code l4emu step}: a replayable run, its breakpoints, the thread in focus,
 * the events seen, and the stops a "back" can return to. Commands are in {@link StepCommands}.
 */
final class Stepper implements EventListener {
    private static final int RECENT_EVENTS = 200;
    private static final int SHOWN_PER_MOVE = 20;

    /** Where a "next" stopped: its first IPC event and the position after that kernel step. */
    record IpcStop(long seq, Position position, int threadId) {}

    private final PrintWriter out;
    private final Sources sources = new Sources();
    private final Map<Integer, Object> breakpoints = new LinkedHashMap<>();
    private final List<IpcStop> ipcStops = new ArrayList<>();
    private final Deque<TraceEvent> recent = new ArrayDeque<>();
    private final List<TraceEvent> passed = new ArrayList<>();
    /** The kernel's last messages, all heard after {@code messagesAfter} events: at a deadlock, its report. */
    private final List<String> lastMessages = new ArrayList<>();
    private long messagesAfter = -1;
    private Replay replay;
    private Position start;
    private RunMode mode = RunMode.INSTRUCTIONS;
    private String stopReason;
    private Thread focus;
    private long stepFirstIpc = -1;
    private int stepFirstIpcThread;
    private Thread lastTrapped;
    private int nextBreakpoint = 1;

    Stepper(PrintWriter out) {
        this.out = out;
    }

    void attach(Replay replay) {
        this.replay = replay;
        this.start = replay.position();
        this.focus = replay.currentThread();
    }

    Replay replay() {
        return replay;
    }

    PrintWriter out() {
        return out;
    }

    Thread focus() {
        return focus != null ? focus : replay.currentThread();
    }

    void setFocus(Thread thread) {
        focus = thread;
    }

    Map<Integer, Object> breakpoints() {
        return breakpoints;
    }

    int addBreakpoint(Object breakpoint) {
        breakpoints.put(nextBreakpoint, breakpoint);
        return nextBreakpoint++;
    }

    Deque<TraceEvent> recent() {
        return recent;
    }

    Position start() {
        return start;
    }

    List<IpcStop> ipcStops() {
        return ipcStops;
    }

    /** Runs forward in {@code mode} up to {@code instructions} (Long.MAX_VALUE: no limit). */
    void forward(RunMode mode, long instructions) {
        this.mode = mode;
        stopReason = null;
        passed.clear();
        replay.resumeOverBreakpoints();
        replay.armDebugStops(mode == RunMode.BREAKPOINT);
        try {
            replay.runUntil(instructions);
        } finally {
            this.mode = RunMode.INSTRUCTIONS;
            replay.armDebugStops(false);
        }
    }

    /** Runs forward until {@code events} events have been emitted (or the run ends). */
    void runToEvents(long events) {
        stopReason = null;
        passed.clear();
        replay.runToEvents(events);
    }

    /** Moves back to {@code target} by replay; nothing heard meanwhile is shown. */
    void backTo(Position target, String reason, int focusThreadId) {
        passed.clear();
        replay.goTo(target);
        stopReason = reason;
        focus = replay.view().threads().all().stream().filter(t -> t.id() == focusThreadId).findFirst()
                .orElse(lastTrapped != null ? lastTrapped : replay.currentThread());
    }

    /** Boots afresh and runs quietly to the first stop at or after {@code instructions}. */
    void replayTo(long instructions, String reason) {
        passed.clear();
        replay.replayTo(instructions);
        stopReason = reason;
        focus = lastTrapped != null ? lastTrapped : replay.currentThread();
    }

    String stopReason() {
        return stopReason;
    }

    void setStopReason(String reason) {
        stopReason = reason;
    }

    @Override
    public void event(TraceEvent event) {
        if (event.seq() == 0) {
            recent.clear();
            lastTrapped = null;
            lastMessages.clear();
        }
        recent.addLast(event);
        if (recent.size() > RECENT_EVENTS) {
            recent.removeFirst();
        }
        if (replay == null || replay.replaying()) {
            return;
        }
        if (event.kind().group() != EventKind.Group.DETAIL) {
            passed.add(event);
        }
        if (event.kind().isIpc() && stepFirstIpc < 0) {
            stepFirstIpc = event.seq();
            stepFirstIpcThread = event.thread() == null ? 0 : event.thread().id();
        }
        if (event.kind() == EventKind.END) {
            stopReason = replay.kernel().deadlocked() ? deadlockReport()
                    : "the run ended: " + org.l4emu.tools.trace.EventText.describe(event);
        }
        if (mode == RunMode.NEXT_EVENT && event.kind().isIpc()) {
            stop("IPC event " + event.seq(), live(event.thread()));
        }
        if (mode == RunMode.BREAKPOINT) {
            for (Map.Entry<Integer, Object> entry : breakpoints.entrySet()) {
                if (entry.getValue() instanceof EventBreakpoint breakpoint && breakpoint.matches(event)) {
                    stop("breakpoint " + entry.getKey() + " (" + breakpoint + ") at event " + event.seq(),
                            live(event.thread()));
                }
            }
        }
    }

    @Override
    public void hit(Hit hit) {
        if (replay.replaying() || mode != RunMode.BREAKPOINT) {
            return;
        }
        Thread thread = live(hit.thread());
        for (Map.Entry<Integer, Object> entry : breakpoints.entrySet()) {
            String reason = switch (hit) {
                case Hit.Code code when entry.getValue() instanceof CodeBreakpoint breakpoint
                        && breakpoint.address() == code.address() && breakpoint.appliesTo(thread.task().name()) ->
                        "breakpoint " + entry.getKey() + " at " + Words.address(code.address()) + " in " + thread.name();
                case Hit.Access access when entry.getValue().equals(access.watchpoint()) ->
                        "watchpoint " + entry.getKey() + ": " + describe(thread, access);
                case Hit.Kernel kernel when entry.getValue().equals(kernel.watchpoint()) ->
                        "watchpoint " + entry.getKey() + ": " + kernel.cause() + ", now "
                        + Words.address(valueOf(kernel.watchpoint()));
                default -> null;
            };
            if (reason != null) {
                stop(reason, thread);
                return;
            }
        }
    }

    @Override
    public void kernelMessage(String line, long events) {
        if (events != messagesAfter) {
            lastMessages.clear();
            messagesAfter = events;
        }
        lastMessages.add(line);
    }

    /** "deadlock at 6 us: every thread is blocked ..." and who waits for whom, a line each, as the kernel says it. */
    private String deadlockReport() {
        return String.join(System.lineSeparator(), lastMessages).replaceFirst("^l4emu: ", "");
    }

    /** "pong wrote 0x0000000a to 0x... (MR1 of pong; was 0x00000000) at pc 0x..." */
    private String describe(Thread thread, Hit.Access access) {
        String word = UtcbWords.describe(thread.task(), access.address());
        String place = Words.address(access.address()) + (word == null ? "" : " (" + word + ")");
        String what = access.write()
                ? "wrote " + Words.address((int) access.value()) + " to " + place + ", was "
                        + Words.address((int) access.before())
                : "read " + place;
        return thread.name() + " " + what + " at pc " + Words.address(access.instruction());
    }

    private int valueOf(Watchpoint watchpoint) {
        Integer value = replay.memory().readWord(replay.view().threads().task(watchpoint.task()).space(),
                watchpoint.address());
        return value == null ? 0 : value;
    }

    @Override
    public void trapHandled(Thread thread) {
        lastTrapped = thread;
        if (replay == null || replay.replaying()) {
            return;
        }
        if (stepFirstIpc >= 0) {
            Position position = replay.position();
            if (ipcStops.isEmpty() || ipcStops.getLast().position().isBefore(position)) {
                ipcStops.add(new IpcStop(stepFirstIpc, position, stepFirstIpcThread));
            }
            stepFirstIpc = -1;
        }
        if (focus == null || mode == RunMode.INSTRUCTIONS) {
            focus = thread;
        }
    }

    private Thread live(Thread thread) {
        return replay.view().threads().all().stream().filter(t -> t.id() == thread.id()).findFirst().orElse(thread);
    }

    /** The kernel's thread a trace event names, or null. */
    private Thread live(ThreadInfo info) {
        if (info == null) {
            return null;
        }
        return replay.view().threads().all().stream().filter(t -> t.id() == info.id()).findFirst().orElse(null);
    }

    private void stop(String reason, Thread thread) {
        if (stopReason == null) {
            stopReason = reason;
            if (thread != null) {
                focus = thread;
            }
        }
        replay.kernel().requestStop();
    }

    /** Prints the events a move passed (the last few) and where the run now stands. */
    void report() {
        if (!passed.isEmpty()) {
            EventTable table = new EventTable(out, 10);
            int from = Math.max(0, passed.size() - SHOWN_PER_MOVE);
            if (from > 0) {
                out.println("  ... " + from + " earlier events");
            }
            passed.subList(from, passed.size()).forEach(table::row);
        }
        if (stopReason != null) {
            out.println("stopped: " + stopReason);
        }
        where();
    }

    /** Where {@code thread} is in its program's source, as "src/pong.c:13", or "" without line information. */
    String sourceOf(Thread thread) {
        return source(thread).map(SourceLine::toString).orElse("");
    }

    Optional<SourceLine> source(Thread thread) {
        int address = replay.instructionSet().codeAddress(thread.context().instructionPointer());
        return replay.imagePath(thread.task().name()).flatMap(image -> sources.at(image, address));
    }

    Sources sources() {
        return sources;
    }

    void where() {
        Position position = replay.position();
        Thread thread = focus();
        String source = thread == null ? "" : sourceOf(thread);
        String threadText = thread == null ? "no thread" : String.format(Locale.ROOT, "%s pc %s%s (%s)", thread.name(),
                Words.address(thread.context().instructionPointer()), source.isEmpty() ? "" : " at " + source,
                thread.state().name().toLowerCase(Locale.ROOT));
        Thread next = replay.currentThread();
        out.printf(Locale.ROOT, "position: instruction %d, event %d, time %.3f us; focus %s; next to run %s%s%n",
                position.instructions(), position.events(), replay.view().clock().now() / 1000.0, threadText,
                next == null ? "none" : next.name(), replay.ended() ? "; the run has ended" : "");
    }
}
