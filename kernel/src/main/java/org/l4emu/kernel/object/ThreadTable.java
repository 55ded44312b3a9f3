package org.l4emu.kernel.object;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every thread the kernel has created, by thread number and in creation order. */
public final class ThreadTable {
    private final Map<Integer, Thread> byNumber = new HashMap<>();
    private final List<Thread> inOrder = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();

    public void addTask(Task task) {
        tasks.add(task);
    }

    public void add(Thread thread) {
        byNumber.put(ThreadId.number(thread.id()), thread);
        inOrder.add(thread);
    }

    /** The live thread with exactly this ID (number and version), or null. */
    public Thread lookup(int id) {
        if (id == ThreadId.NIL || id == ThreadId.ANY) {
            return null;
        }
        Thread thread = byNumber.get(ThreadId.number(id));
        if (thread == null || thread.id() != id || !thread.isAlive()) {
            return null;
        }
        return thread;
    }

    /** True when a live thread has this thread number. */
    public boolean isNumberInUse(int number) {
        Thread thread = byNumber.get(number);
        return thread != null && thread.isAlive();
    }

    public List<Thread> all() {
        return Collections.unmodifiableList(inOrder);
    }

    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    public Task task(String name) {
        for (Task task : tasks) {
            if (task.name().equals(name)) {
                return task;
            }
        }
        return null;
    }

    /** The name a report shows for an ID: the thread's name when it ever existed. */
    public String describe(int id) {
        Thread thread = byNumber.get(ThreadId.number(id));
        if (thread != null && thread.id() == id) {
            return thread.toString();
        }
        return ThreadId.format(id);
    }
}
