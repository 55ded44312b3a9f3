package org.l4emu.tools.export;

import java.util.HashMap;
import java.util.Map;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.ThreadInfo;
import org.l4emu.tools.trace.TraceEvent;

/**
 * Follows each message from its source through the monitors on its path: a journey starts with a
 * send, goes on through every monitor that receives it redirected and forwards it with deceit
 * (options 4-7), and ends at the first delivery that is not redirected. Fed events in order.
 */
final class MessageJourneys {
    /** Where a delivery stands on its journey. */
    enum Step { FIRST, MIDDLE, LAST, ALONE }

    record Hop(long journey, Step step) {}

    private final Map<ThreadInfo, Long> sending = new HashMap<>();
    private final Map<ThreadInfo, Long> heldByMonitor = new HashMap<>();
    private long nextJourney = 1;

    /**
     * A send or forward by the event's thread: returns the journey it belongs to and whether it
     * starts it (FIRST) or continues one a monitor holds (MIDDLE).
     */
    Hop send(TraceEvent event) {
        ThreadInfo sender = event.thread();
        Long held = heldByMonitor.get(sender);
        boolean continues = event.kind() == EventKind.FORWARD && held != null;
        long journey = continues ? held : nextJourney++;
        sending.put(sender, journey);
        return new Hop(journey, continues ? Step.MIDDLE : Step.FIRST);
    }

    /** A delivery: the journey of the sender's send, and whether it ends there (LAST) or goes on (MIDDLE). */
    Hop deliver(TraceEvent event, EventDetail.Deliver deliver) {
        if (deliver.sender() == null) {
            return new Hop(nextJourney++, Step.ALONE);
        }
        Long journey = sending.remove(deliver.sender());
        if (journey == null) {
            return new Hop(nextJourney++, Step.ALONE);
        }
        if (deliver.dopeBits().redirected()) {
            heldByMonitor.put(event.thread(), journey);
            return new Hop(journey, Step.MIDDLE);
        }
        return new Hop(journey, Step.LAST);
    }

    /** The thread's send ended without a delivery (an error, or an option that delivers nothing). */
    void abandon(ThreadInfo thread) {
        sending.remove(thread);
    }
}
