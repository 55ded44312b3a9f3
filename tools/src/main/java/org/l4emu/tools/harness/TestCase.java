package org.l4emu.tools.harness;

import java.nio.file.Path;
import java.util.List;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootOptions;

/**
 * One guest regression test, read from a case file for one architecture: which system to boot
 * with which options, and what the run must show. Paths are resolved already, with {@code {arch}}
 * replaced by {@code architecture}.
 *
 * @param description a sentence for reports, or the empty string
 * @param architectures where the case applies; empty for every architecture
 */
public record TestCase(CaseLocation location, String description, Architecture architecture,
                       List<Architecture> architectures, Path system, BootOptions options, int exitCode,
                       TextExpectation console, TextExpectation log, TextExpectation ipc) {
    public String name() {
        return location.name();
    }

    /** False for a case about another architecture's feature (Thumb-2, say): it is skipped. */
    public boolean applies() {
        return architectures.isEmpty() || architectures.contains(architecture);
    }
}
