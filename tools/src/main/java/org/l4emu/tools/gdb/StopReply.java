package org.l4emu.tools.gdb;

/** Why the target stopped, as GDB's stop reply packets say it. */
sealed interface StopReply {
    /**
     * SIGTRAP in {@code thread} (a GDB thread ID); {@code reason} adds e.g. "swbreak:;" or
     * "watch:ADDR;"; {@code message}, when not null, is console output the debugger prints first.
     */
    record Trap(int thread, String reason, String message) implements StopReply {
        Trap(int thread, String reason) {
            this(thread, reason, null);
        }
    }

    /** Reverse execution reached the start of the run. */
    record HistoryBegin(int thread) implements StopReply {}

    /** SIGINT: the debugger interrupted a running target. */
    record Interrupted(int thread) implements StopReply {}

    /** SIGSEGV: a fault nothing resolved stopped {@code thread}, which stands at the faulting instruction. */
    record Faulted(int thread) implements StopReply {}

    /**
     * SIGSTOP: every thread is blocked with no timeout pending, so the run can make no progress;
     * the blocked threads can still be inspected, and the next resume ends the run. SIGSTOP, not
     * SIGTRAP, so that GDB ends a 'next' or 'step' here and says why, instead of stepping on.
     * Signal numbers are GDB's own (SIGSTOP is 17), not the host's.
     */
    record Deadlocked(int thread) implements StopReply {}

    /** The run ended with this exit code. */
    record Exited(int code) implements StopReply {}

    default String packet() {
        return switch (this) {
            case Trap trap -> String.format("T05thread:%x;%s", trap.thread(), trap.reason());
            case HistoryBegin begin -> String.format("T05thread:%x;replaylog:begin;", begin.thread());
            case Interrupted interrupted -> String.format("T02thread:%x;", interrupted.thread());
            case Faulted faulted -> String.format("T0bthread:%x;", faulted.thread());
            case Deadlocked deadlocked -> String.format("T11thread:%x;", deadlocked.thread());
            case Exited exited -> String.format("W%02x", exited.code() & 0xFF);
        };
    }
}
