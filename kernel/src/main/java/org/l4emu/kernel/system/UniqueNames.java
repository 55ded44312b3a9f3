package org.l4emu.kernel.system;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.l4emu.abi.Abi;

/**
 * Task names, thread names within a task and shared region names are unique, there is at least
 * one task, and every thread's boot info name ({@code task} or {@code task.thread}) fits its field.
 */
final class UniqueNames {
    /** docs/abi.md section 2: the name field of a boot info entry. */
    static final int BOOT_INFO_NAME_BYTES = Abi.BootInfo.NAME_LENGTH;

    private UniqueNames() {}

    static void check(SystemDescription description, Positions positions) throws SystemDescriptionException {
        if (description.tasks().isEmpty()) {
            throw positions.error(description, "the system has no <task>");
        }
        requireUnique(description.tasks(), TaskSpec::name, "task", "", positions);
        requireUnique(description.sharedRegions(), SharedRegionSpec::name, "shared region", "", positions);
        for (TaskSpec task : description.tasks()) {
            requireUnique(task.threads(), ThreadSpec::name, "thread", " in task '" + task.name() + "'", positions);
            requireBootInfoName(task, task.name(), positions);
            for (ThreadSpec thread : task.threads()) {
                requireBootInfoName(thread, task.name() + "." + thread.name(), positions);
            }
        }
    }

    private static <T> void requireUnique(List<T> specs, Function<T, String> name, String kind, String scope,
                                          Positions positions) throws SystemDescriptionException {
        Map<String, T> first = new HashMap<>();
        for (T spec : specs) {
            T earlier = first.putIfAbsent(name.apply(spec), spec);
            if (earlier != null) {
                throw positions.error(spec, "duplicate " + kind + " name '" + name.apply(spec) + "'" + scope
                        + " (first on line " + positions.of(earlier).line() + ")");
            }
        }
    }

    private static void requireBootInfoName(Object spec, String name, Positions positions)
            throws SystemDescriptionException {
        if (name.getBytes(StandardCharsets.UTF_8).length > BOOT_INFO_NAME_BYTES) {
            throw positions.error(spec, "name '" + name + "' is longer than the boot info's "
                    + BOOT_INFO_NAME_BYTES + " bytes");
        }
    }
}
