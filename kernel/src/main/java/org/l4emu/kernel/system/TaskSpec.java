package org.l4emu.kernel.system;

import org.l4emu.kernel.object.Quotas;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.l4emu.abi.Abi;

/**
 * One task: an address space built from an ELF image, with a first thread at the image's entry
 * and any further {@code threads}.
 *
 * @param image the ELF file, already resolved against the description's directory
 * @param pager the task whose first thread pages this one; empty for sigma0
 * @param threads the extra threads, not including the first
 * @param memory regions sigma0 serves zero-filled on demand
 * @param quotas bounds on the task's threads, mappings and queued notifications (P3)
 */
public record TaskSpec(
        String name,
        Path image,
        boolean privileged,
        boolean monitor,
        Optional<String> pager,
        int priority,
        List<ThreadSpec> threads,
        List<MemorySpec> memory,
        Quotas quotas) {

    public static final int DEFAULT_PRIORITY = Abi.Description.DEFAULT_PRIORITY;
    public static final int MAX_PRIORITY = Abi.Description.MAX_PRIORITY;

    public TaskSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pager, "pager");
        threads = List.copyOf(threads);
        memory = List.copyOf(memory);
    }

    /** The extra thread called {@code name}, if any. */
    public Optional<ThreadSpec> thread(String name) {
        return threads.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
