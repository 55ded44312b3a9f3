package org.l4emu.kernel.run;

import java.io.PrintStream;

/** The kernel's messages (standard error of {@code l4emu boot}); informational ones are left out when quiet. */
public final class KernelLog {
    private final PrintStream log;
    private final boolean quiet;

    public KernelLog(PrintStream log, boolean quiet) {
        this.log = log;
        this.quiet = quiet;
    }

    /** A line always printed: a fault, a deadlock, a limit. */
    void line(String line) {
        log.println(line);
    }

    /** A line printed unless quiet: how the run ended. */
    void info(String line) {
        if (!quiet) {
            log.println(line);
        }
    }
}
