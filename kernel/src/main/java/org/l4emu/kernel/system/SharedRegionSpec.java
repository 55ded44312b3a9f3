package org.l4emu.kernel.system;

import java.util.List;
import java.util.Objects;

/** Memory shared between tasks, mapped into each at boot; {@code size} is page-aligned. */
public record SharedRegionSpec(String name, int size, List<SharedMappingSpec> mappings) {
    public SharedRegionSpec {
        Objects.requireNonNull(name, "name");
        mappings = List.copyOf(mappings);
    }
}
