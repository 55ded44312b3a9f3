package org.l4emu.kernel.system;

import java.util.Objects;

/** Lets task {@code source} send to task {@code dest}; a source with any allow may send only there. */
public record AllowSpec(String source, String dest) {
    public AllowSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dest, "dest");
    }
}
