package org.l4emu.kernel.system;

import java.util.Objects;
import org.l4emu.emulator.Access;

/** Where and how one task sees a shared region. */
public record SharedMappingSpec(String task, int virtualAddress, Access perms) {
    public SharedMappingSpec {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(perms, "perms");
    }
}
