package org.l4emu.kernel.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No task is, directly or through other pagers, its own pager: the first fault would wait for
 * a pager that is itself waiting for it.
 */
final class PagerCycles {
    private PagerCycles() {}

    /** Runs after {@link References}, so every pager names an existing task. */
    static void check(SystemDescription description, Positions positions) throws SystemDescriptionException {
        for (TaskSpec start : description.tasks()) {
            List<String> chain = new ArrayList<>(List.of(start.name()));
            Optional<String> pager = start.pager();
            // A chain longer than the task count must have repeated a task: a cycle not through start.
            while (pager.isPresent() && chain.size() <= description.tasks().size()) {
                chain.add(pager.get());
                if (pager.get().equals(start.name())) {
                    throw positions.error(start, "pager cycle: " + String.join(" -> ", chain));
                }
                pager = description.task(pager.get()).flatMap(TaskSpec::pager);
            }
        }
    }
}
