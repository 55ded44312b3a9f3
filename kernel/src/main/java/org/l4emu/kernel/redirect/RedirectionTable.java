package org.l4emu.kernel.redirect;

import java.util.ArrayList;
import java.util.Iterator;
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

    /**
     * Removes the rules with this source, destination and monitor, the monitor known by its ID: a
     * rule outlives a monitor that died (its IPCs fail, S2) and must still be removable. Returns
     * the monitor they named, or null when none matched.
     */
    public Thread remove(Task source, Task dest, int monitorId) {
        Thread removed = null;
        for (Iterator<RedirectionRule> i = rules.iterator(); i.hasNext(); ) {
            RedirectionRule rule = i.next();
            if (rule.source() == source && rule.dest() == dest && rule.monitor().id() == monitorId) {
                removed = rule.monitor();
                i.remove();
            }
        }
        return removed;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Fills {@code into} with path(S, D) for an IPC whose true source is {@code source}. */
    public void path(Thread source, Task dest, MonitorPath into) {
        into.clear();
        // Indexed loops: this runs on every send, and an iterator is an allocation.
        for (MonitorClass monitorClass : PATH_ORDER) {
            for (int i = 0; i < rules.size(); i++) {
                RedirectionRule rule = rules.get(i);
                if (rule.monitorClass() == monitorClass && rule.matches(source.task(), dest)
                        && rule.monitor() != source && !into.contains(rule.monitor())) {
                    into.add(rule.monitor(), monitorClass);
                }
            }
        }
    }

    /**
     * True when {@code monitor} is a system-class monitor for IPC from {@code source} to any task
     * (R3); never for its own IPC, on whose path it never lies (R1).
     */
    public boolean isSystemMonitorFor(Thread monitor, Thread source) {
        for (int i = 0; i < rules.size(); i++) {
            RedirectionRule rule = rules.get(i);
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
}
