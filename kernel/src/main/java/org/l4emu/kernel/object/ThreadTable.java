package org.l4emu.kernel.object;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Every thread the kernel has created, by thread number and in creation order. */
public final class ThreadTable implements ThreadDirectory {
    /** Indexed by thread number (dense and small): every IPC looks up its partner here. */
    private Thread[] byNumber = new Thread[64];
    private final List<Thread> inOrder = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    /** The last removed thread of each number: at most one name per number, so bounded. */
    private final Map<Integer, RetiredName> retiredNames = new HashMap<>();

    private record RetiredName(int id, String name) {}

    public void addTask(Task task) {
        tasks.add(task);
    }

    public void add(Thread thread) {
        int number = ThreadId.number(thread.id());
        if (number >= byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, Math.max(number + 1, byNumber.length * 2));
        }
        byNumber[number] = thread;
        inOrder.add(thread);
    }

    /**
     * Forgets {@code task} and its threads, which are all dead: their numbers are free again.
     * Only their names stay, for reports and traces that mention them later.
     */
    public void removeTask(Task task) {
        tasks.remove(task);
        for (Thread thread : task.threads()) {
            forget(thread);
        }
    }

    /** Forgets a deleted thread of a task that lives on (P3: its slot is free again). */
    public void removeThread(Thread thread) {
        forget(thread);
        thread.task().removeThread(thread);
    }

    private void forget(Thread thread) {
        int number = ThreadId.number(thread.id());
        if (byNumber(number) == thread) {
            byNumber[number] = null;
            retiredNames.put(number, new RetiredName(thread.id(), thread.name()));
        }
        inOrder.remove(thread);
    }

    private Thread byNumber(int number) {
        return number >= 0 && number < byNumber.length ? byNumber[number] : null;
    }

    @Override
    public Thread lookup(int id) {
        if (id == ThreadId.NIL || id == ThreadId.ANY) {
            return null;
        }
        Thread thread = byNumber(ThreadId.number(id));
        if (thread == null || thread.id() != id || !thread.isAlive()) {
            return null;
        }
        return thread;
    }

    /**
     * The thread with exactly this ID that has not been deleted or exited: a live one, or one a
     * fault stopped (still its task's, until thread_control deletes it), or null.
     */
    public Thread lookupUndeleted(int id) {
        if (id == ThreadId.NIL || id == ThreadId.ANY) {
            return null;
        }
        Thread thread = byNumber(ThreadId.number(id));
        return thread == null || thread.id() != id || thread.state() == ThreadState.DEAD ? null : thread;
    }

    @Override
    public boolean isNumberInUse(int number) {
        Thread thread = byNumber(number);
        return thread != null && thread.state() != ThreadState.DEAD;
    }

    @Override
    public List<Thread> all() {
        return Collections.unmodifiableList(inOrder);
    }

    @Override
    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    @Override
    public Task task(String name) {
        for (Task task : tasks) {
            if (task.name().equals(name)) {
                return task;
            }
        }
        return null;
    }

    @Override
    public String describe(int id) {
        String name = nameOf(id);
        return name == null ? ThreadId.format(id) : name + " (" + ThreadId.format(id) + ")";
    }

    @Override
    public String nameOf(int id) {
        Thread thread = byNumber(ThreadId.number(id));
        if (thread != null && thread.id() == id) {
            return thread.name();
        }
        RetiredName retired = retiredNames.get(ThreadId.number(id));
        if (retired != null && retired.id() == id) {
            return retired.name();
        }
        for (Thread other : inOrder) {
            if (other.id() == id) {
                return other.name();
            }
        }
        return null;
    }
}
