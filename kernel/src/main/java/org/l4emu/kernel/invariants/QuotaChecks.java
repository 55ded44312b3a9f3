package org.l4emu.kernel.invariants;

import org.l4emu.kernel.object.Task;

/** The invariants about a task's kernel objects against its quotas (P3). */
final class QuotaChecks {
    private QuotaChecks() {}

    static void check(Task task) {
        long live = task.liveThreads();
        if (live > task.quotas().threads()) {
            throw new InvariantViolationException(Invariant.THREADS_WITHIN_QUOTA,
                    "task " + task + " has " + live + " live threads, quota " + task.quotas().threads());
        }
    }
}
