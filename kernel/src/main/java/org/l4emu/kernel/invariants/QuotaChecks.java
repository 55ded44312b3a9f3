package org.l4emu.kernel.invariants;

import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;

/** The invariants about a task's kernel objects against its quotas (P3). */
final class QuotaChecks {
    private QuotaChecks() {}

    static void check(Task task) {
        // Counted here, not with Task.liveThreads(), whose stream would allocate after every trap.
        long live = 0;
        for (Thread thread : task.threads()) {
            if (thread.isAlive()) {
                live++;
            }
        }
        if (live > task.quotas().threads()) {
            throw new InvariantViolationException(Invariant.THREADS_WITHIN_QUOTA,
                    "task " + task + " has " + live + " live threads, quota " + task.quotas().threads());
        }
    }
}
