package org.l4emu.tools.fuzz.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadDirectory;
import org.l4emu.kernel.system.AllowSpec;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;

/**
 * The fuzzer's own record of the redirect and allow rules (R1, P1): the description's, and every
 * change a redirect call made (the call's arguments and its result, seen from outside). The
 * oracles judge against it, never against the kernel's tables. A null task means any task.
 */
final class RuleModel {
    private record Rule(Task source, Task dest, Thread monitor, MonitorClass monitorClass) {
        boolean matchesSource(Task task) {
            return source == null || source == task;
        }

        boolean matches(Task from, Task to) {
            return matchesSource(from) && (dest == null || dest == to);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<Task, Set<Task>> allowed = new HashMap<>();
    /** Every thread some rule has named as its monitor, at boot or since. */
    private final Set<Thread> everNamed = new HashSet<>();

    RuleModel(ThreadDirectory threads, List<RedirectSpec> redirects, List<AllowSpec> allows) {
        for (RedirectSpec spec : redirects) {
            add(task(threads, spec.source()), task(threads, spec.dest()), monitor(threads, spec.monitor()),
                    spec.monitorClass());
        }
        for (AllowSpec spec : allows) {
            allowed.computeIfAbsent(threads.task(spec.source()), t -> new HashSet<>()).add(threads.task(spec.dest()));
        }
    }

    private static Task task(ThreadDirectory threads, String name) {
        return RedirectSpec.ANY_TASK.equals(name) ? null : threads.task(name);
    }

    private static Thread monitor(ThreadDirectory threads, String name) {
        for (Thread thread : threads.all()) {
            if (thread.name().equals(name)) {
                return thread;
            }
        }
        throw new IllegalArgumentException("no monitor thread " + name);
    }

    /** A redirect call added this rule. */
    void add(Task source, Task dest, Thread monitor, MonitorClass monitorClass) {
        rules.add(new Rule(source, dest, monitor, monitorClass));
        everNamed.add(monitor);
    }

    /** True when some rule, now or before, named {@code thread} as its monitor: only such a thread can be on a path. */
    boolean everNamed(Thread thread) {
        return everNamed.contains(thread);
    }

    /** A redirect call removed the rules with this source, destination and monitor (by its ID, as the kernel: it may have died). */
    void remove(Task source, Task dest, int monitorId) {
        rules.removeIf(r -> r.source == source && r.dest == dest && r.monitor.id() == monitorId);
    }

    /** True when IPC from {@code source} to a thread of {@code dest} has no monitor on its path (R1). */
    boolean pathEmpty(Thread source, Task dest) {
        for (Rule rule : rules) {
            if (rule.matches(source.task(), dest) && rule.monitor != source) {
                return false;
            }
        }
        return true;
    }

    /** P1: {@code source} may send to {@code dest} (it has no allow rules, or one for dest). */
    boolean permits(Task source, Task dest) {
        Set<Task> destinations = allowed.get(source);
        return destinations == null || destinations.contains(dest);
    }

    /** R3: a rule whose source matches {@code trueSource}'s task names {@code monitor}. */
    boolean namesMonitorFor(Thread monitor, Thread trueSource) {
        for (Rule rule : rules) {
            if (rule.monitor == monitor && rule.matchesSource(trueSource.task())) {
                return true;
            }
        }
        return false;
    }
}
