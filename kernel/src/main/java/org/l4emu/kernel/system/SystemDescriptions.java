package org.l4emu.kernel.system;

import org.l4emu.kernel.object.Quotas;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.l4emu.emulator.Architecture;

/** Descriptions that do not come from an XML file. */
public final class SystemDescriptions {
    private SystemDescriptions() {}

    /**
     * The system {@code l4emu boot hello.elf} runs: one privileged task named after the file
     * without directory and extension, with one thread and the default limits. The caller reads
     * {@code arch} from the image.
     */
    public static SystemDescription forSingleElf(Path elf, Architecture arch) {
        String name = FileNames.baseName(elf);
        TaskSpec task = new TaskSpec(name, elf, true, false, Optional.empty(), TaskSpec.DEFAULT_PRIORITY,
                List.of(), List.of(), Quotas.DEFAULTS);
        return new SystemDescription(elf, arch, name, SystemDescription.DEFAULT_MAX_TIME_US,
                List.of(task), List.of(), List.of(), List.of());
    }
}
