package org.l4emu.tools.gdb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.tools.replay.EventListener;
import org.l4emu.tools.replay.Hit;
import org.l4emu.tools.replay.Position;
import org.l4emu.tools.replay.Replay;
import org.l4emu.tools.replay.Stop;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.TraceEvent;

/**
 * Run control for the GDB stub over a replayable run: continue to a code breakpoint, a
 * watchpoint, a guest kdebug breakpoint, a fault that stops a thread (SIGSEGV) or a deadlock
 * (SIGSTOP), step one thread by one instruction, and do both in reverse by replaying the
 * deterministic run from boot.
 *
 * <p>Where a watchpoint stop is shown follows the instruction set: before the access on ARM,
 * whose debuggers step over it themselves, after it on x86; in reverse the other way round, so
 * that the debugger, stepping in reverse, ends before the write.
 */
final class DebugTarget implements EventListener {
    /** Instructions run between two checks for the debugger's interrupt. */
    private static final long CHUNK = 2_000_000;

    private final RunOutput output;
    private final Map<Integer, Integer> gdbIds = new HashMap<>();
    private Replay replay;
    private Thread stopThread;
    private Stop stop;
    private boolean kdebugStop;
    private boolean faultStop;
    private boolean stopping;
    private boolean reversing;
    private Thread awaited;
    /** The thread whose trap the kernel handled last: at a deadlock, the one that closed the cycle. */
    private Thread lastRan;
    private Position stepStart;

    DebugTarget(RunOutput output) {
        this.output = output;
    }

    void attach(Replay replay) {
        this.replay = replay;
        this.stopThread = replay.currentThread();
        this.stepStart = replay.position();
    }

    Replay replay() {
        return replay;
    }

    List<Thread> threads() {
        return replay.view().threads().all();
    }

    /**
     * The thread's GDB ID, for as long as it lives: the threads are numbered from 1 in the
     * kernel's order when first seen, so deleting one leaves the others' IDs as they were. Keyed
     * by kernel thread ID, which names the same thread again when a replay boots afresh.
     */
    int gdbId(Thread thread) {
        if (!gdbIds.containsKey(thread.id())) {
            threads().forEach(t -> gdbIds.putIfAbsent(t.id(), gdbIds.size() + 1));
        }
        return gdbIds.computeIfAbsent(thread.id(), id -> gdbIds.size() + 1);
    }

    /** The live thread with this GDB ID, or null. */
    Thread thread(int gdbId) {
        return threads().stream().filter(t -> gdbId(t) == gdbId).findFirst().orElse(null);
    }

    /** The thread of the last stop (GDB's current thread after it). */
    Thread stopThread() {
        return stopThread != null ? stopThread : threads().getFirst();
    }

    /** Runs until a breakpoint or watchpoint, a fault or deadlock, the end of the run, or an interrupt. */
    StopReply resume(BooleanSupplier interrupted) {
        if (replay.ended()) {
            return new StopReply.Exited(replay.kernel().exitCode());
        }
        clearStop();
        replay.resumeOverBreakpoints();
        armed(true);
        try {
            while (!stopped() && !replay.ended()) {
                replay.runUntil(replay.position().instructions() + CHUNK);
                if (!stopped() && !replay.ended() && interrupted.getAsBoolean()) {
                    stopThread = replay.currentThread() != null ? replay.currentThread() : stopThread;
                    return new StopReply.Interrupted(gdbId(stopThread()));
                }
            }
        } finally {
            armed(false);
        }
        if (kdebugStop) {
            return new StopReply.Trap(gdbId(stopThread()), "");
        }
        if (faultStop) {
            return new StopReply.Faulted(gdbId(stopThread()));
        }
        if (stop != null) {
            Stop found = stop;
            if (found.hit() instanceof Hit.Access && replay.instructionSet().watchpointStopsBeforeAccess()) {
                replay.goTo(found.before());
            }
            return reply(found);
        }
        return ended(lastRan);
    }

    /** Runs to the end of the run, stopping nowhere: the debugger detached. */
    void runToEnd() {
        replay.run();
    }

    /**
     * Executes one instruction of {@code thread} (others run meanwhile when it must wait); one that
     * faults so that the kernel stops the thread is reported as SIGSEGV, as a continue reports it. A thread
     * that has ended (exited, or stopped by a fault) runs no more instructions: the others run
     * on, as for a continue, since answering with a stop where it stands would make GDB's
     * 'next' step it again, for ever.
     */
    StopReply step(Thread thread, BooleanSupplier interrupted) {
        if (!thread.isAlive()) {
            return resume(interrupted);
        }
        if (replay.ended()) {
            return new StopReply.Exited(replay.kernel().exitCode());
        }
        reach(thread, thread.instructionsRetired() + 1);
        stopThread = thread;
        if (replay.ended()) {
            return ended(thread);
        }
        return thread.state() == ThreadState.STOPPED ? new StopReply.Faulted(gdbId(thread))
                : new StopReply.Trap(gdbId(thread), "");
    }

    /** Goes back to just before {@code thread}'s last instruction. */
    StopReply reverseStep(Thread thread) {
        int id = thread.id();
        long target = thread.instructionsRetired() - 1;
        if (target < 0) {
            return new StopReply.HistoryBegin(gdbId(thread));
        }
        replay.replayTo(0);
        Thread replayed = byId(id);
        reach(replayed, target);
        stopThread = replayed;
        return new StopReply.Trap(gdbId(replayed), "");
    }

    /**
     * Goes back to the last stop whose event lies before now (a breakpoint reached, a watched
     * write made), by replaying from boot; or to the start of the run.
     */
    StopReply reverseContinue() {
        Position now = replay.position();
        replay.replayTo(0);
        stepStart = replay.position();
        Stop last = null;
        armed(true);
        reversing = true;
        try {
            while (!replay.ended()) {
                clearStop();
                replay.run();
                if (stop == null || !stop.before().isBefore(now)) {
                    break;
                }
                last = stop;
                replay.resumeOverBreakpoints();
            }
        } finally {
            armed(false);
            reversing = false;
        }
        if (last == null) {
            replay.replayTo(0);
            stopThread = replay.currentThread();
            return new StopReply.HistoryBegin(gdbId(stopThread()));
        }
        boolean reportAfter = last.hit() instanceof Hit.Access && replay.instructionSet().watchpointStopsBeforeAccess();
        replay.goTo(last.hit() instanceof Hit.Code || reportAfter ? last.at() : last.before());
        return reply(last);
    }

    /**
     * How a move that ended the run is reported: a deadlock as a stop in {@code thread}, so that
     * the blocked threads can be inspected (a move from there then reports the exit, as every
     * move from the end does); any other end as the exit.
     */
    private StopReply ended(Thread thread) {
        if (!replay.kernel().deadlocked()) {
            return new StopReply.Exited(replay.kernel().exitCode());
        }
        stopThread = byId(thread.id());
        return new StopReply.Deadlocked(gdbId(stopThread));
    }

    private StopReply reply(Stop found) {
        stopThread = byId(found.hit().thread().id());
        int thread = gdbId(stopThread);
        return switch (found.hit()) {
            case Hit.Code code -> new StopReply.Trap(thread, "swbreak:;");
            case Hit.Access access -> new StopReply.Trap(thread,
                    String.format("%s:%x;", access.watchpoint().kind().gdbName(), access.address()));
            case Hit.Kernel kernel -> new StopReply.Trap(thread,
                    String.format("%s:%x;", kernel.watchpoint().kind().gdbName(), kernel.watchpoint().address()),
                    kernel.cause());
        };
    }

    /**
     * Runs until {@code thread} has retired {@code count} instructions and is the next to run
     * (so that it stands before its next instruction), or the run ends.
     */
    private void reach(Thread thread, long count) {
        while (!replay.ended() && thread.isAlive()) {
            long missing = count - thread.instructionsRetired();
            if (missing <= 0 && replay.currentThread() == thread) {
                return;
            }
            if (replay.currentThread() == thread) {
                replay.runUntil(replay.position().instructions() + missing);
            } else {
                awaited = thread;
                try {
                    replay.run();
                } finally {
                    awaited = null;
                }
            }
        }
    }

    private Thread byId(int id) {
        return threads().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    private void armed(boolean on) {
        stopping = on;
        replay.armDebugStops(on);
    }

    private void clearStop() {
        stop = null;
        kdebugStop = false;
        faultStop = false;
    }

    private boolean stopped() {
        return stop != null || kdebugStop || faultStop;
    }

    @Override
    public void event(TraceEvent event) {
        output.event(event);
        if (!stopping || reversing || replay.replaying()) {
            return;
        }
        if (event.kind() == EventKind.BREAKPOINT) {
            kdebugStop = true;
        } else if (event.detail() instanceof EventDetail.ThreadExit exit && exit.reason().equals("fault")) {
            faultStop = true;
        } else {
            return;
        }
        stopThread = byId(event.thread().id());
        replay.kernel().requestStop();
    }

    @Override
    public void hit(Hit hit) {
        if (stopping && stop == null && !replay.replaying()) {
            stop = Stop.of(hit, replay.position(), stepStart);
            replay.kernel().requestStop();
        }
    }

    @Override
    public void kernelMessage(String line, long events) {
        output.kernelMessage(line, events);
    }

    @Override
    public void trapHandled(Thread thread) {
        lastRan = thread;
        stepStart = replay.position();
        if (awaited != null && replay.currentThread() == awaited) {
            replay.kernel().requestStop();
        }
    }
}
