package org.l4emu.tools.gdb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.TraceEvent;

/**
 * What the guests print, as a plain run prints it: each console event once, when the run first
 * passes it. Going back replays the run from boot and going forward again passes the same events
 * (runs are deterministic, so an event's number names it): those are not printed again.
 */
final class GuestConsole {
    private final OutputStream out;
    /** The number of the first event not yet passed. */
    private long next;

    GuestConsole(OutputStream out) {
        this.out = out;
    }

    void event(TraceEvent event) {
        if (event.seq() < next) {
            return;
        }
        next = event.seq() + 1;
        if (event.detail() instanceof EventDetail.Console console) {
            try {
                out.write(console.bytes());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the guests' console output", e);
            }
        }
    }
}
