package org.l4emu.tools.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * What a trace recorder still names, counted as {@link TraceRecorder} counts it: the threads
 * defined in each task, and the tasks and threads that redirection rules name. A reader lets a
 * definition go exactly when the recorder lets its number go.
 */
final class DefinitionsInUse {
    private final Map<TaskInfo, Integer> threadsDefined = new HashMap<>();
    private final Map<Object, Integer> namedByRules = new HashMap<>();

    void defined(ThreadInfo thread) {
        threadsDefined.merge(thread.task(), 1, Integer::sum);
    }

    void rule(EventDetail.Rule rule) {
        int change = rule.added() ? 1 : -1;
        for (Object named : new Object[] {rule.source(), rule.dest(), rule.monitor()}) {
            if (named != null && namedByRules.merge(named, change, Integer::sum) == 0) {
                namedByRules.remove(named);
            }
        }
    }

    /** {@code thread} changed to dead: true when its definition goes (no rule names it). */
    boolean died(ThreadInfo thread) {
        return !namedByRules.containsKey(thread);
    }

    /** A thread of {@code task} went: true when it was the last and the task's definition goes too. */
    boolean lastOf(TaskInfo task) {
        if (threadsDefined.merge(task, -1, Integer::sum) == 0 && !namedByRules.containsKey(task)) {
            threadsDefined.remove(task);
            return true;
        }
        return false;
    }
}
