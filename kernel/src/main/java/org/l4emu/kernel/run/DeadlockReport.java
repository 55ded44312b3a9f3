package org.l4emu.kernel.run;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadTable;

/** Who waits for whom when every live thread is blocked for ever. */
final class DeadlockReport {
    private DeadlockReport() {}

    static List<String> lines(ThreadTable threads, long nowMicros) {
        List<String> lines = new ArrayList<>();
        lines.add("l4emu: deadlock at " + nowMicros + " us: every thread is blocked with no timeout pending");
        for (Thread thread : threads.all()) {
            String waits = switch (thread.state()) {
                case SENDING -> "sending to " + thread.pendingSend().nextHop();
                case AWAITING_DELIVERY -> "waiting for its message to be delivered";
                case RECEIVING -> thread.receiveFrom() == ThreadId.ANY
                        ? "receiving from any thread"
                        : thread.receiveFrom() == thread.id()
                                ? "sleeping for ever"
                                : "receiving from " + threads.describe(thread.receiveFrom());
                case HALTED -> "halted";
                default -> null;
            };
            if (waits != null) {
                lines.add("  " + thread + ": " + waits);
            }
        }
        return lines;
    }
}
