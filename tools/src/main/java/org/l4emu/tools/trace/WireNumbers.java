package org.l4emu.tools.trace;

import java.util.IdentityHashMap;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;

/**
 * The numbers a trace names threads and tasks by (1-based, in definition order, never reused),
 * each defined by a record on first sight, and each thread's trap template (version 4). A dead
 * thread's number is let go once no rule names it, and its task's with its last thread, so that
 * a run that makes threads for ever records in bounded memory.
 */
final class WireNumbers {
    private static final int CACHE_SLOTS = 64;

    private final TraceOutput out;
    private final WatchedThreads watched;
    private final DefinitionsInUse inUse;
    private final IdentityHashMap<Thread, Integer> threadNumbers = new IdentityHashMap<>();
    private final IdentityHashMap<Task, Integer> taskNumbers = new IdentityHashMap<>();
    private final IdentityHashMap<Thread, IpcTrap> templates = new IdentityHashMap<>();
    private int definedThreads;
    private int definedTasks;
    /** The events of a round trip name a few threads in turn: a cache by kernel thread number in front of the maps. */
    private final Thread[] cachedThreads = new Thread[CACHE_SLOTS];
    private final int[] cachedNumbers = new int[CACHE_SLOTS];
    /** The cached threads' templates (null: none yet), so that the end of each ipc trap finds its own at once. */
    private final IpcTrap[] cachedTemplates = new IpcTrap[CACHE_SLOTS];

    /** Definitions go to {@code out}; a thread defined is watched for state changes from then on. */
    WireNumbers(TraceOutput out, WatchedThreads watched, DefinitionsInUse inUse) {
        this.out = out;
        this.watched = watched;
        this.inUse = inUse;
    }

    /** The thread's number, defining it on first sight. */
    int thread(Thread thread) {
        int slot = cacheSlot(thread);
        if (cachedThreads[slot] == thread) {
            return cachedNumbers[slot];
        }
        Integer known = threadNumbers.get(thread);
        if (known != null) {
            cachedThreads[slot] = thread;
            cachedNumbers[slot] = known;
            cachedTemplates[slot] = templates.get(thread);
            return known;
        }
        int task = task(thread.task());
        int number = ++definedThreads;
        threadNumbers.put(thread, number);
        inUse.defined(thread.task());
        watched.add(thread);
        out.u8(TraceFormat.DEFINE_THREAD);
        out.word(thread.id());
        out.string(thread.name());
        out.varint(task);
        out.word(thread.utcbAddress());
        return number;
    }

    /** The task's number, defining it on first sight. */
    int task(Task task) {
        Integer known = taskNumbers.get(task);
        if (known != null) {
            return known;
        }
        int number = ++definedTasks;
        taskNumbers.put(task, number);
        out.u8(TraceFormat.DEFINE_TASK);
        out.string(task.name());
        out.u8((task.privileged() ? TraceFormat.TASK_PRIVILEGED : 0) | (task.monitor() ? TraceFormat.TASK_MONITOR : 0));
        return number;
    }

    /** The thread's trap template, or null. */
    IpcTrap template(Thread thread) {
        int slot = cacheSlot(thread);
        return cachedThreads[slot] == thread ? cachedTemplates[slot] : templates.get(thread);
    }

    /** Keeps a copy of the trap just written as its thread's template, with the thread's number for its repeats. */
    void keepTemplate(IpcTrap written) {
        IpcTrap template = templates.computeIfAbsent(written.thread, thread -> new IpcTrap());
        template.copyFrom(written);
        template.threadNumber = thread(written.thread);
        int slot = cacheSlot(written.thread);
        if (cachedThreads[slot] == written.thread) {
            cachedTemplates[slot] = template;
        }
    }

    /** A dead thread's end is recorded: its number and template go unless a rule still names it. */
    void forget(Thread thread) {
        if (!inUse.died(thread)) {
            return; // a rule still names it (a dead monitor closes its paths): events name it too
        }
        threadNumbers.remove(thread);
        templates.remove(thread);
        int slot = cacheSlot(thread);
        if (cachedThreads[slot] == thread) {
            cachedThreads[slot] = null;
            cachedTemplates[slot] = null;
        }
        Task task = thread.task();
        if (inUse.lastOf(task)) {
            taskNumbers.remove(task);
        }
    }

    private static int cacheSlot(Thread thread) {
        return Abi.ThreadId.NUMBER.get(thread.id()) & (CACHE_SLOTS - 1);
    }
}
