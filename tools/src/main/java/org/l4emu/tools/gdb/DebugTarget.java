package org.l4emu.tools.gdb;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.replay.EventListener;
import org.l4emu.tools.replay.Position;
import org.l4emu.tools.replay.Replay;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.TraceEvent;

/**
 * Run control for the GDB stub over a replayable run: continue to a code breakpoint or a guest
 * kdebug breakpoint, step one thread by one instruction, and do both in reverse by replaying the
 * deterministic run from boot. GDB thread IDs are kernel thread positions plus one.
 */
final class DebugTarget implements EventListener {
    /** Instructions run between two checks for the debugger's interrupt. */
    private static final long CHUNK = 2_000_000;

    private Replay replay;
    private Thread stopThread;
    private String stopReason;
    private boolean stopOnBreakpoints;
    private Thread awaited;

    void attach(Replay replay) {
        this.replay = replay;
        this.stopThread = replay.currentThread();
    }

    Replay replay() {
        return replay;
    }

    List<Thread> threads() {
        return replay.kernel().threads().all();
    }

    int gdbId(Thread thread) {
        return threads().indexOf(thread) + 1;
    }

    Thread thread(int gdbId) {
        List<Thread> all = threads();
        return gdbId >= 1 && gdbId <= all.size() ? all.get(gdbId - 1) : null;
    }

    /** The thread of the last stop (GDB's current thread after it). */
    Thread stopThread() {
        return stopThread != null ? stopThread : threads().getFirst();
    }

    /** Runs until a breakpoint, the end of the run, or an interrupt. */
    StopReply resume(BooleanSupplier interrupted) {
        if (replay.ended()) {
            return new StopReply.Exited(replay.kernel().exitCode());
        }
        stopReason = null;
        stopOnBreakpoints = true;
        replay.resumeOverBreakpoints();
        try {
            while (stopReason == null && !replay.ended()) {
                replay.runUntil(replay.position().instructions() + CHUNK);
                if (stopReason == null && interrupted.getAsBoolean()) {
                    stopThread = replay.currentThread() != null ? replay.currentThread() : stopThread;
                    return new StopReply.Interrupted(gdbId(stopThread()));
                }
            }
        } finally {
            stopOnBreakpoints = false;
        }
        if (stopReason != null) {
            return new StopReply.Trap(gdbId(stopThread()), stopReason);
        }
        return new StopReply.Exited(replay.kernel().exitCode());
    }

    /** Executes one instruction of {@code thread} (others run meanwhile when it must wait). */
    StopReply step(Thread thread) {
        if (replay.ended()) {
            return new StopReply.Exited(replay.kernel().exitCode());
        }
        reach(thread, thread.instructionsRetired() + 1);
        stopThread = thread;
        return replay.ended() ? new StopReply.Exited(replay.kernel().exitCode())
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

    /** Goes back to the last breakpoint stop before now, or to the start of the run. */
    StopReply reverseContinue() {
        Position now = replay.position();
        replay.replayTo(0);
        Position last = null;
        int lastThread = 0;
        String lastReason = "";
        stopOnBreakpoints = true;
        try {
            while (!replay.ended()) {
                stopReason = null;
                replay.run();
                if (stopReason == null || !replay.position().isBefore(now)) {
                    break;
                }
                last = replay.position();
                lastThread = stopThread.id();
                lastReason = stopReason;
            }
        } finally {
            stopOnBreakpoints = false;
        }
        if (last == null) {
            replay.replayTo(0);
            stopThread = replay.currentThread();
            return new StopReply.HistoryBegin(gdbId(stopThread()));
        }
        replay.goTo(last);
        stopThread = byId(lastThread);
        return new StopReply.Trap(gdbId(stopThread), lastReason);
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

    @Override
    public void event(TraceEvent event) {
        if (stopOnBreakpoints && event.kind() == EventKind.BREAKPOINT && !replay.replaying()) {
            stopThread = byId(event.thread().id());
            stopReason = "";
            replay.kernel().requestStop();
        }
    }

    @Override
    public void codeBreakpoint(Thread thread, int address) {
        if (stopOnBreakpoints) {
            stopThread = thread;
            stopReason = "swbreak:;";
            replay.kernel().requestStop();
        }
    }

    @Override
    public void trapHandled(Thread thread) {
        if (awaited != null && replay.currentThread() == awaited) {
            replay.kernel().requestStop();
        }
    }
}
