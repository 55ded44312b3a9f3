package org.l4emu.tools;

import org.l4emu.kernel.boot.BootOptions;
import picocli.CommandLine.Option;

/**
 * The options of one boot, as {@code l4emu boot} and the case files of {@code l4emu test} spell
 * them, so that a test case runs exactly as the same command line would.
 */
public final class BootFlags {
    @Option(names = "--max-time-us", paramLabel = "N",
            description = "Stop after N microseconds of virtual time (default: the description's, else 60000000).")
    private Long maxTimeMicros;

    @Option(names = "--max-instructions", paramLabel = "N", description = "Stop after N guest instructions.")
    private Long maxInstructions;

    @Option(names = "--stop-on-fault", description = "End the run with exit code 4 at the first unresolved fault.")
    private boolean stopOnFault;

    @Option(names = {"-q", "--quiet"}, description = "Print no kernel messages except errors.")
    private boolean quiet;

    /** The options as the kernel takes them; a limit that is not positive is an IllegalArgumentException. */
    public BootOptions toBootOptions() {
        if ((maxTimeMicros != null && maxTimeMicros <= 0) || (maxInstructions != null && maxInstructions <= 0)) {
            throw new IllegalArgumentException("--max-time-us and --max-instructions take a positive number");
        }
        return new BootOptions(
                maxTimeMicros == null ? BootOptions.FROM_DESCRIPTION : maxTimeMicros,
                maxInstructions == null ? BootOptions.UNLIMITED : maxInstructions,
                stopOnFault, quiet);
    }
}
