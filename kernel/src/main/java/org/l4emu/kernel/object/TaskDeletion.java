package org.l4emu.kernel.object;

import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.Sigma0;

/**
 * Frees everything a task held once its last thread is gone (P3): its mappings, with what others
 * derived from them (recursively), the frames only it used (UTCB pages, pages sigma0 served),
 * its page tables, and its threads' slots in the thread table. So a privileged task that
 * creates and deletes tasks for ever runs in bounded memory.
 *
 * <p>A task with a thread stopped by a fault is kept, for the report and the debugger.
 */
public final class TaskDeletion {
    private final ThreadTable threads;
    private final MappingDatabase mappings;
    private final Sigma0 sigma0;

    public TaskDeletion(ThreadTable threads, MappingDatabase mappings, Sigma0 sigma0) {
        this.threads = threads;
        this.mappings = mappings;
        this.sigma0 = sigma0;
    }

    /** True when {@code task}'s threads have all exited or been deleted. */
    public static boolean isEmpty(Task task) {
        for (Thread thread : task.threads()) {
            if (thread.state() != ThreadState.DEAD) {
                return false;
            }
        }
        return true;
    }

    /** Frees {@code task}; its threads must all be dead and no longer referred to by any IPC. */
    public void free(Task task) {
        mappings.removeAll(task);
        sigma0.forget(task);
        threads.removeTask(task);
        task.space().destroy();
    }
}
