package org.l4emu.kernel.system;

/** Every task or thread that a pager, map, redirect or allow names exists. */
final class References {
    private References() {}

    static void check(SystemDescription description, Positions positions) throws SystemDescriptionException {
        for (TaskSpec task : description.tasks()) {
            if (task.pager().isPresent()) {
                requireTask(description, task.pager().get(), task, "<task> pager", positions);
            }
        }
        for (SharedRegionSpec region : description.sharedRegions()) {
            for (SharedMappingSpec mapping : region.mappings()) {
                requireTask(description, mapping.task(), mapping, "<map> task", positions);
            }
        }
        for (RedirectSpec redirect : description.redirects()) {
            requireTaskOrAny(description, redirect.source(), redirect, "<redirect> source", positions);
            requireTaskOrAny(description, redirect.dest(), redirect, "<redirect> dest", positions);
            TaskSpec monitor = requireTask(description, redirect.monitorTask(), redirect, "<redirect> monitor", positions);
            if (redirect.monitorThread().isPresent() && monitor.thread(redirect.monitorThread().get()).isEmpty()) {
                throw positions.error(redirect, "unknown thread '" + redirect.monitor() + "' in <redirect> monitor");
            }
        }
        for (AllowSpec allow : description.allows()) {
            requireTask(description, allow.source(), allow, "<allow> source", positions);
            requireTask(description, allow.dest(), allow, "<allow> dest", positions);
        }
    }

    private static void requireTaskOrAny(SystemDescription description, String name, Object spec, String where,
                                         Positions positions) throws SystemDescriptionException {
        if (!name.equals(RedirectSpec.ANY_TASK)) {
            requireTask(description, name, spec, where, positions);
        }
    }

    private static TaskSpec requireTask(SystemDescription description, String name, Object spec, String where,
                                        Positions positions) throws SystemDescriptionException {
        return description.task(name)
                .orElseThrow(() -> positions.error(spec, "unknown task '" + name + "' in " + where));
    }
}
