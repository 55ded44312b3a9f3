package org.l4emu.kernel.redirect;

import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * IPC from a thread of {@code source} to one of {@code dest} passes {@code monitor} (R1).
 * A null task stands for any task.
 */
public record RedirectionRule(Task source, Task dest, Thread monitor, MonitorClass monitorClass) {
    public boolean matchesSource(Task task) {
        return source == null || source == task;
    }

    public boolean matches(Task from, Task to) {
        return matchesSource(from) && (dest == null || dest == to);
    }
}
