package org.l4emu.kernel.run;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Trap;
import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.fault.FaultHandler;
import org.l4emu.kernel.fault.FaultReport;
import org.l4emu.kernel.ipc.Rendezvous;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.TaskDeletion;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * How threads end: by exiting, by deletion, or stopped by a fault nothing resolved. An ended
 * thread leaves the scheduler and its IPC partners learn (S2); a task whose last thread died is
 * freed, once the machine has left its space.
 */
public final class ThreadEndings implements FaultHandler.Unhandled {
    private final ThreadTable threads;
    private final Scheduler scheduler;
    private final Rendezvous rendezvous;
    private final TaskDeletion taskDeletion;
    private final VirtualClock clock;
    private final RunState state;
    private final KernelEvents events;
    private final KernelLog log;
    private final boolean stopOnFault;
    /** Tasks whose last thread ended while they ran: freed once the machine has left their space. */
    private final List<Task> tasksToFree = new ArrayList<>();

    public ThreadEndings(ThreadTable threads, Scheduler scheduler, Rendezvous rendezvous, TaskDeletion taskDeletion,
                         VirtualClock clock, RunState state, KernelEvents events, KernelLog log, boolean stopOnFault) {
        this.threads = threads;
        this.scheduler = scheduler;
        this.rendezvous = rendezvous;
        this.taskDeletion = taskDeletion;
        this.clock = clock;
        this.state = state;
        this.events = events;
        this.log = log;
        this.stopOnFault = stopOnFault;
    }

    /** A fault nothing resolved: reported, and the thread stopped, or with --stop-on-fault the run. */
    @Override
    public void fault(Thread thread, Trap trap) {
        log.line(FaultReport.line(thread, trap, clock.nowMicroseconds()));
        if (stopOnFault) {
            state.finish(ExitCode.UNHANDLED_FAULT);
            return;
        }
        retire(thread, ThreadState.STOPPED, "fault");
    }

    /** kdebug's exit_thread. */
    void exit(Thread thread) {
        retire(thread, ThreadState.DEAD, "exit");
    }

    /** thread_control deletion: a deleted thread's slot is free again even while its task lives on (P3). */
    public void delete(Thread thread) {
        retire(thread, ThreadState.DEAD, "deleted");
        if (!TaskDeletion.isEmpty(thread.task())) {
            threads.removeThread(thread);
        }
    }

    private void retire(Thread thread, ThreadState ending, String reason) {
        scheduler.block(thread, ending);
        rendezvous.partnerGone(thread);
        events.threadExited(thread, reason);
        Task task = thread.task();
        if (ending == ThreadState.DEAD && TaskDeletion.isEmpty(task)) {
            Thread running = state.running();
            if (running != null && running.task() == task) {
                // The machine may still be in this space (a system call handled in the trap).
                tasksToFree.add(task);
            } else {
                taskDeletion.free(task);
            }
        }
    }

    /** Frees the tasks left while the machine ran in them; the machine has left them now. */
    /** True when a task's last thread ended and the task waits to be freed (P3). */
    boolean hasTasksToFree() {
        return !tasksToFree.isEmpty();
    }

    void freeLeftTasks() {
        if (!tasksToFree.isEmpty()) {
            tasksToFree.forEach(taskDeletion::free);
            tasksToFree.clear();
        }
    }
}
