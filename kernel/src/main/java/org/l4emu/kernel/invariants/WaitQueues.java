package org.l4emu.kernel.invariants;

import java.util.IdentityHashMap;
import java.util.Map;
import org.l4emu.kernel.ipc.PendingSend;
import org.l4emu.kernel.object.Thread;

/** Where each pending send waits: the thread whose incoming or readiness queue holds it, found once per check. */
final class WaitQueues {
    private final Map<PendingSend, Thread> holder = new IdentityHashMap<>();
    private final Map<PendingSend, Integer> occurrences = new IdentityHashMap<>();

    WaitQueues(Iterable<Thread> threads) {
        // Most threads wait on nothing: the isEmpty tests keep a check over thousands of them cheap.
        for (Thread thread : threads) {
            if (!thread.incoming().isEmpty()) {
                for (PendingSend send : thread.incoming()) {
                    record(send, thread);
                }
            }
            if (!thread.readinessWaiters().isEmpty()) {
                for (PendingSend send : thread.readinessWaiters()) {
                    record(send, thread);
                }
            }
        }
    }

    private void record(PendingSend send, Thread thread) {
        holder.put(send, thread);
        occurrences.merge(send, 1, Integer::sum);
    }

    /** The thread in whose queue {@code send} waits, or null. */
    Thread holderOf(PendingSend send) {
        return holder.get(send);
    }

    /** In how many queue places {@code send} waits (1 when all is well). */
    int occurrencesOf(PendingSend send) {
        return occurrences.getOrDefault(send, 0);
    }
}
