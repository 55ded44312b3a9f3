package org.l4emu.tools.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened in the current kernel step (the events that share one virtual time), for the
 * checks that need the whole step: who may release whom, and what must have happened by its end.
 */
final class Step {
    long time = -1;
    /** Options 1 and 3 sent in this step, by target. */
    final Map<ThreadModel, SendPhase> endingSends = new HashMap<>();
    final Set<ThreadModel> died = new HashSet<>();
    final Set<ThreadModel> cancelledTargets = new HashSet<>();
    final Set<InFlightIpc> finalDeliveries = new HashSet<>();
    final Set<InFlightIpc> notified = new HashSet<>();
    /** Pages faulted on in this step, as "task page" keys: sigma0 may map them. */
    final Set<String> faults = new HashSet<>();
    final List<ThreadModel> created = new ArrayList<>();
    final List<KernelMapping> kernelMappings = new ArrayList<>();
    final Set<TaskModel> emptiedTasks = new HashSet<>();
    final Set<TaskModel> utcbTouched = new HashSet<>();
    /** Endings of blocked sources with no reason seen yet: a death later in the step may give one. */
    final List<Ending> questionableEndings = new ArrayList<>();

    record Ending(ThreadModel blocked, InFlightIpc ipc, int code, CheckedRule rule, String message, long seq) {}

    record KernelMapping(TaskModel task, long page) {}

    static String faultKey(TaskModel task, long page) {
        return task.number + " " + page;
    }

    void begin(long at) {
        time = at;
        endingSends.clear();
        died.clear();
        cancelledTargets.clear();
        finalDeliveries.clear();
        notified.clear();
        faults.clear();
        created.clear();
        kernelMappings.clear();
        emptiedTasks.clear();
        utcbTouched.clear();
        questionableEndings.clear();
    }
}
