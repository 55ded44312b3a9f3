package org.l4emu.tools.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * Which thread and task definitions of a trace are still in use: the threads defined in each
 * task, and the tasks and threads that redirection rules name. The recorder lets a number go,
 * and a reader that follows it lets the definition go, exactly when this says so; both count
 * with this one class, the recorder over the kernel's objects, the reader over their
 * definitions (each key stands for one number, so the two agree).
 */
final class DefinitionsInUse {
    private final Map<Object, Integer> threadsDefined = new HashMap<>();
    private final Map<Object, Integer> namedByRules = new HashMap<>();

    /** A thread of {@code task} was defined. */
    void defined(Object task) {
        threadsDefined.merge(task, 1, Integer::sum);
    }

    /** A redirection rule naming these (null: any task) was added or removed. */
    void rule(boolean added, Object source, Object dest, Object monitor) {
        int change = added ? 1 : -1;
        for (Object named : new Object[] {source, dest, monitor}) {
            if (named != null && namedByRules.merge(named, change, Integer::sum) == 0) {
                namedByRules.remove(named);
            }
        }
    }

    /** {@code thread} changed to dead: true when its definition goes (no rule names it). */
    boolean died(Object thread) {
        return !namedByRules.containsKey(thread);
    }

    /** A thread of {@code task} went: true when it was the last and the task's definition goes too. */
    boolean lastOf(Object task) {
        if (threadsDefined.merge(task, -1, Integer::sum) == 0 && !namedByRules.containsKey(task)) {
            threadsDefined.remove(task);
            return true;
        }
        return false;
    }
}
