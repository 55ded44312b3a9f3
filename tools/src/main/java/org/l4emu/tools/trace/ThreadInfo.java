package org.l4emu.tools.trace;

import org.l4emu.kernel.object.ThreadId;

/**
 * A thread as a trace defines it: its number in the trace (from 1), L4 thread ID, name, task and
 * the virtual address of its UTCB in that task.
 */
public record ThreadInfo(int number, int id, String name, TaskInfo task, int utcbAddress) {
    public String idText() {
        return ThreadId.format(id);
    }

    @Override
    public String toString() {
        return name;
    }
}
