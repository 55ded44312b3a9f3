package org.l4emu.tools.harness;

import java.nio.file.Path;
import java.util.List;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.tools.BootFlags;
import picocli.CommandLine;

/** A case's {@code options}, parsed as {@code l4emu boot} parses its command line, so both mean the same. */
final class CaseBootOptions {
    private CaseBootOptions() {}

    static BootOptions parse(Path file, List<String> options) {
        if (options == null) {
            return BootOptions.DEFAULTS;
        }
        OptionsOnly parsed = new OptionsOnly();
        try {
            new CommandLine(parsed).parseArgs(options.toArray(String[]::new));
            return parsed.flags.toBootOptions();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw CaseFileReader.problem(file, "options: " + e.getMessage());
        }
    }

    /** A command with nothing but the boot options. */
    @CommandLine.Command(name = "options")
    private static final class OptionsOnly {
        @CommandLine.Mixin
        private BootFlags flags = new BootFlags();
    }
}
