package org.l4emu.tools.gdb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import org.l4emu.kernel.run.ConsoleOutputException;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.TraceEvent;

/**
 * What a plain run prints: the guests' console output and the kernel's messages (a fault nothing
 * resolved, a deadlock, a limit), each once, when the run first passes it. Going back replays
 * the run from boot and going forward again passes the same output (runs are deterministic, so
 * an event's number names it, and a message is named by the number of events before it and its
 * place among the messages after them): that is not printed again.
 */
final class RunOutput {
    private final OutputStream console;
    private final PrintWriter messages;
    /** The number of the first event not yet passed. */
    private long nextEvent;
    /** The last message printed: the events before it, and its place among the messages after them. */
    private long printedAfter = -1;
    private int printedPlace;
    /** The same for the last message heard, printed or not, since the run (or its replay) booted. */
    private long heardAfter = -1;
    private int heardPlace;

    RunOutput(OutputStream console, PrintWriter messages) {
        this.console = console;
        this.messages = messages;
    }

    void event(TraceEvent event) {
        if (event.seq() == 0) {
            heardAfter = -1;
        }
        if (event.seq() < nextEvent) {
            return;
        }
        nextEvent = event.seq() + 1;
        if (event.detail() instanceof EventDetail.Console text) {
            try {
                console.write(text.bytes());
                console.flush();
            } catch (IOException e) {
                throw new ConsoleOutputException(e);
            }
        }
    }

    /** A line of the kernel's messages, heard after {@code events} events of the run. */
    void kernelMessage(String line, long events) {
        heardPlace = events == heardAfter ? heardPlace + 1 : 0;
        heardAfter = events;
        if (events > printedAfter || events == printedAfter && heardPlace > printedPlace) {
            printedAfter = events;
            printedPlace = heardPlace;
            messages.println(line);
            messages.flush();
        }
    }
}
