package org.l4emu.tools.trace;

import org.l4emu.kernel.object.ThreadId;

/**
 * A thread ID as a guest passed it (a destination, a claimed source, ...), with the thread it
 * named when the trace knows one: IDs of threads that never existed stay numbers.
 */
public record ThreadRef(int id, ThreadInfo thread) {
    public String name() {
        return thread != null ? thread.name() : ThreadId.format(id);
    }

    @Override
    public String toString() {
        return name();
    }
}
