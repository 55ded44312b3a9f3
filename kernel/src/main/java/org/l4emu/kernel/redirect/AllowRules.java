package org.l4emu.kernel.redirect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.l4emu.kernel.object.Task;

/** IPC permissions (P1): a task with allow rules may send only to their destinations. */
public final class AllowRules {
    private final Map<Task, Set<Task>> destinations = new HashMap<>();

    public void allow(Task source, Task dest) {
        destinations.computeIfAbsent(source, t -> new HashSet<>()).add(dest);
    }

    public boolean permits(Task source, Task dest) {
        Set<Task> allowed = destinations.get(source);
        return allowed == null || allowed.contains(dest);
    }
}
