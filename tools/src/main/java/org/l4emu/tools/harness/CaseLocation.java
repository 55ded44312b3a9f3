package org.l4emu.tools.harness;

import java.nio.file.Path;

/**
 * Where a case file was found: the file, the suite directory it was found under, and the name
 * reports and {@code --filter} use (its path below the suite, without ".test.yaml").
 */
public record CaseLocation(Path file, Path suite, String name) {
    public static CaseLocation of(Path file, Path suite) {
        return new CaseLocation(file, suite, CaseFileReader.nameOf(file, suite));
    }
}
