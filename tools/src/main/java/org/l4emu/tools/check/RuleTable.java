package org.l4emu.tools.check;

import java.util.ArrayList;
import java.util.List;

/** The redirection rules in force, in the order they were added, and the paths they give (R1). */
final class RuleTable {
    /** A rule; a null task stands for any task. */
    record Rule(TaskModel source, TaskModel dest, ThreadModel monitor, MonitorClass monitorClass) {
        boolean matchesSource(TaskModel task) {
            return source == null || source == task;
        }

        boolean matches(TaskModel from, TaskModel to) {
            return matchesSource(from) && (dest == null || dest == to);
        }
    }

    private static final MonitorClass[] MONITOR_CLASSES = MonitorClass.values();

    private final List<Rule> rules = new ArrayList<>();

    void add(Rule rule) {
        rules.add(rule);
    }

    void remove(TaskModel source, TaskModel dest, ThreadModel monitor) {
        rules.removeIf(r -> r.source() == source && r.dest() == dest && r.monitor() == monitor);
    }

    /**
     * path(S, D): the matching source-class monitors, then system-class, then destination-class,
     * each in rule order, each monitor once; never the source itself (R1).
     */
    List<Hop> path(ThreadModel source, TaskModel dest) {
        List<Hop> path = new ArrayList<>();
        for (MonitorClass monitorClass : MONITOR_CLASSES) {
            for (Rule rule : rules) {
                if (rule.monitorClass() == monitorClass && rule.monitor() != source && rule.matches(source.task, dest)
                        && indexOf(path, rule.monitor()) < 0) {
                    path.add(new Hop(rule.monitor(), monitorClass));
                }
            }
        }
        return path;
    }

    /** True when a system-class rule whose source matches {@code source} names {@code monitor} (R3). */
    boolean isSystemMonitorFor(ThreadModel monitor, ThreadModel source) {
        if (monitor == source) {
            return false;
        }
        for (Rule rule : rules) {
            if (rule.monitor() == monitor && rule.monitorClass() == MonitorClass.SYSTEM
                    && rule.matchesSource(source.task)) {
                return true;
            }
        }
        return false;
    }

    boolean names(ThreadModel monitor) {
        for (Rule rule : rules) {
            if (rule.monitor() == monitor) {
                return true;
            }
        }
        return false;
    }

    boolean names(TaskModel task) {
        for (Rule rule : rules) {
            if (rule.source() == task || rule.dest() == task) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(List<Hop> path, ThreadModel monitor) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).monitor() == monitor) {
                return i;
            }
        }
        return -1;
    }
}
