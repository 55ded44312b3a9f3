package org.l4emu.tools.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.l4emu.tools.trace.TaskInfo;
import org.l4emu.tools.trace.ThreadInfo;
import org.l4emu.tools.trace.ThreadRef;

/**
 * The checker's world, built from events alone: tasks, threads (by trace number and by L4 ID),
 * the redirection rules in force, and where violations go.
 */
final class Model {
    final RuleTable rules = new RuleTable();
    final Violations violations;
    private final Map<Integer, TaskModel> tasks = new HashMap<>();
    private final Map<Integer, ThreadModel> byNumber = new HashMap<>();
    private final Map<Integer, ThreadModel> byId = new HashMap<>();
    private final Map<TaskModel, Set<Long>> utcbPages = new HashMap<>();
    /** True once the first thread started: kernel mappings after that need a reason (ISO). */
    boolean booted;

    Model(Violations violations) {
        this.violations = violations;
    }

    TaskModel task(TaskInfo info) {
        return info == null ? null : tasks.computeIfAbsent(info.number(), n -> new TaskModel(n, info.name()));
    }

    /** The thread a trace defined, registered on first sight (its UTCB page becomes its task's). */
    ThreadModel thread(ThreadInfo info) {
        if (info == null) {
            return null;
        }
        ThreadModel known = byNumber.get(info.number());
        if (known != null) {
            return known;
        }
        TaskModel task = task(info.task());
        ThreadModel thread = new ThreadModel(info.number(), info.id(), info.name(), task, info.utcbAddress());
        task.known++;
        byNumber.put(info.number(), thread);
        byId.put(info.id(), thread);
        utcbPages.computeIfAbsent(task, t -> new HashSet<>()).add(thread.utcbPage);
        task.threads.add(thread);
        return thread;
    }

    /**
     * A dead thread's last event is its state change to dead (the recorder then lets its number
     * go): the model lets it go too, and its task with the last of its threads, so that a run
     * that makes threads for ever is checked in bounded memory.
     */
    void forget(ThreadModel thread) {
        if (rules.names(thread)) {
            return; // a dead monitor a rule names: the trace keeps naming it
        }
        byNumber.remove(thread.number);
        byId.remove(thread.id, thread);
        TaskModel task = thread.task;
        if (--task.known == 0 && !rules.names(task)) {
            tasks.remove(task.number, task);
            utcbPages.remove(task);
        }
    }

    /** Every thread the model knows (the dead let go). */
    Iterable<ThreadModel> threads() {
        return byNumber.values();
    }

    /** The live thread a guest-supplied ID names, or null (as the kernel would find none). */
    ThreadModel byId(int id) {
        ThreadModel thread = byId.get(id);
        return thread != null && thread.alive ? thread : null;
    }

    ThreadModel byRef(ThreadRef ref) {
        return ref.thread() == null ? null : byId(ref.id());
    }

    String nameOf(int id) {
        ThreadModel thread = byId.get(id);
        return thread != null ? thread.name : id == Abi.NIL ? "nilthread" : id == Abi.ANY ? "anythread" : Abi.hex(id);
    }

    boolean isUtcbPage(TaskModel task, long page) {
        return utcbPages.getOrDefault(task, Set.of()).contains(page);
    }

    /** A page the kernel owns in {@code task}: one that holds UTCBs, or the boot info area (S5). */
    boolean isKernelPage(TaskModel task, long page) {
        return page >= Abi.BOOT_INFO || isUtcbPage(task, page);
    }

    /** True when a live thread of {@code task} has its UTCB in {@code page}. */
    boolean liveUtcbIn(TaskModel task, long page) {
        for (ThreadModel thread : task.threads) {
            if (thread.alive && thread.utcbPage == page) {
                return true;
            }
        }
        return false;
    }
}
