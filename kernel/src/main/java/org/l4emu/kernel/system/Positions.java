package org.l4emu.kernel.system;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each part of a parsed description was written. Keyed by identity: two equal specs
 * written on different lines are different entries.
 */
final class Positions {
    private final Map<Object, SourcePosition> positions = new IdentityHashMap<>();

    /** Remembers that {@code spec} came from {@code element} and returns it. */
    <T> T record(T spec, XmlElement element) {
        positions.put(spec, element.position());
        return spec;
    }

    SourcePosition of(Object spec) {
        return Objects.requireNonNull(positions.get(spec), () -> "no position recorded for " + spec);
    }

    SystemDescriptionException error(Object spec, String problem) {
        return of(spec).error(problem);
    }
}
