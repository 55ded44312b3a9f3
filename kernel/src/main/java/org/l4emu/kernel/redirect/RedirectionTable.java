package org.l4emu.kernel.redirect;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * The kernel's redirection rules, in the order they were added, and the paths they give (R1):
 * the matching source-class monitors, then system-class, then destination-class, each in rule
 * order, each monitor once. A monitor never lies on the path of its own messages.
 */
public final class RedirectionTable {
    private static final MonitorClass[] PATH_ORDER = MonitorClass.values();

    private final List<RedirectionRule> rules = new ArrayList<>();

    public void add(RedirectionRule rule) {
        rules.add(rule);
    }

    /** Removes the rule with the same source, destination and monitor; false when there is none. */
    public boolean remove(Task source, Task dest, Thread monitor) {
        return rules.removeIf(r -> r.source() == source && r.dest() == dest && r.monitor() == monitor);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** path(S, D) for an IPC whose true source is {@code source}. */
    public List<PathHop> path(Thread source, Task dest) {
        if (rules.isEmpty()) {
            return List.of();
        }
        List<PathHop> path = List.of();
        for (MonitorClass monitorClass : PATH_ORDER) {
            for (RedirectionRule rule : rules) {
                if (rule.monitorClass() == monitorClass && rule.matches(source.task(), dest)
                        && rule.monitor() != source && !contains(path, rule.monitor())) {
                    // Most IPCs match no rule: the list is made only for the first hop found.
                    if (path.isEmpty()) {
                        path = new ArrayList<>();
                    }
                    path.add(new PathHop(rule.monitor(), monitorClass));
                }
            }
        }
        return path;
    }

    /**
     * True when {@code monitor} is a system-class monitor for IPC from {@code source} to any task
     * (R3); never for its own IPC, on whose path it never lies (R1).
     */
    public boolean isSystemMonitorFor(Thread monitor, Thread source) {
        for (RedirectionRule rule : rules) {
            if (rule.monitor() == monitor && rule.monitorClass() == MonitorClass.SYSTEM
                    && rule.matchesSource(source.task()) && monitor != source) {
                return true;
            }
        }
        return false;
    }

    /** True when some rule names {@code thread} as its monitor. */
    public boolean isMonitor(Thread thread) {
        for (RedirectionRule rule : rules) {
            if (rule.monitor() == thread) {
                return true;
            }
        }
        return false;
    }

    public static boolean contains(List<PathHop> path, Thread monitor) {
        return indexOf(path, monitor) >= 0;
    }

    public static int indexOf(List<PathHop> path, Thread monitor) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).monitor() == monitor) {
                return i;
            }
        }
        return -1;
    }
}
