package org.l4emu.kernel.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;

/**
 * A whole system to boot (docs/abi.md section 4). Every list is in document order, which decides
 * thread numbers and boot order.
 *
 * @param source the XML file, or the ELF image for a single-image system
 * @param maxTimeUs virtual-time limit in microseconds
 */
public record SystemDescription(
        Path source,
        Architecture arch,
        String name,
        long maxTimeUs,
        List<TaskSpec> tasks,
        List<SharedRegionSpec> sharedRegions,
        List<RedirectSpec> redirects,
        List<AllowSpec> allows) {

    public static final long DEFAULT_MAX_TIME_US = Abi.Description.DEFAULT_MAX_TIME_US;

    public SystemDescription {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(name, "name");
        tasks = List.copyOf(tasks);
        sharedRegions = List.copyOf(sharedRegions);
        redirects = List.copyOf(redirects);
        allows = List.copyOf(allows);
    }

    /** The task called {@code name}, if any. */
    public Optional<TaskSpec> task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
