package org.l4emu.kernel.object;

import java.util.List;

/** The threads and tasks of a running system, read only: what observers and reports look up. */
public interface ThreadDirectory {
    /** The live thread with exactly this ID (number and version), or null. */
    Thread lookup(int id);

    /** Every thread, in creation order (exited and stopped ones too, until their task is freed). */
    List<Thread> all();

    List<Task> tasks();

    /** True when a thread that has not been deleted or exited has this number (a stopped one too). */
    boolean isNumberInUse(int number);

    /** The task of this name, or null. */
    Task task(String name);

    /** The name a report shows for an ID: the thread's name when it ever existed. */
    String describe(int id);

    /**
     * The name of the thread that had exactly this ID, also when it has exited or its task was
     * freed since; null when no thread ever had it.
     */
    String nameOf(int id);
}
