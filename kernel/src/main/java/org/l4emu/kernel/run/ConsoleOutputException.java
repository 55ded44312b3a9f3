package org.l4emu.kernel.run;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The guests' console could not be written (standard output closed or full): a problem of the
 * host the run ends on, not an error of the kernel.
 */
public final class ConsoleOutputException extends UncheckedIOException {
    public ConsoleOutputException(IOException cause) {
        super("console output failed", cause);
    }
}
