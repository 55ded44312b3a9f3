package org.l4emu.kernel.run;

import java.io.IOException;
import java.io.OutputStream;
import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.syscall.KdebugCalls;
import org.l4emu.kernel.trace.KernelEvents;

/** What kdebug calls do beyond the system call itself: the guests' console, shutdown and thread exit. */
public final class KdebugHost implements KdebugCalls.Host {
    private final OutputStream console;
    private final KernelEvents events;
    private final KernelLog log;
    private final VirtualClock clock;
    private final RunState state;
    private final ThreadEndings endings;

    public KdebugHost(OutputStream console, KernelEvents events, KernelLog log, VirtualClock clock, RunState state,
                      ThreadEndings endings) {
        this.console = console;
        this.events = events;
        this.log = log;
        this.clock = clock;
        this.state = state;
        this.endings = endings;
    }

    @Override
    public void console(Thread thread, byte[] bytes) {
        events.console(thread, bytes);
        try {
            console.write(bytes);
            if (containsNewline(bytes)) {
                console.flush();
            }
        } catch (IOException e) {
            throw new ConsoleOutputException(e);
        }
    }

    private static boolean containsNewline(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void shutdown(int code) {
        log.info("l4emu: shutdown(" + code + ") at " + clock.nowMicroseconds() + " us after " + state.instructions()
                + " instructions");
        state.finish(ExitCode.ofShutdown(code));
    }

    @Override
    public void exitThread(Thread thread) {
        endings.exit(thread);
    }

    /** Writes out what the guests printed without a newline yet (at the end of a run). */
    void flushConsole() {
        try {
            console.flush();
        } catch (IOException e) {
            throw new ConsoleOutputException(e);
        }
    }
}
