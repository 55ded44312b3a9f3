package org.l4emu.kernel.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.l4emu.kernel.GuestRun;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.invariants.InvariantChecker;

/**
 * Boots a hostile scenario with every kernel invariant checked after every trap: hostile guests
 * must not only end as the spec says but leave the kernel consistent all along the way.
 */
final class CheckedRun {
    private CheckedRun() {}

    static GuestRun boot(String systemFile) {
        InvariantChecker checker = new InvariantChecker();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int exit;
        try (PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            exit = Boot.run(GuestRun.GUEST_DIRECTORY.resolve(systemFile), BootOptions.DEFAULTS, console, logStream,
                    checker);
        } catch (BootException e) {
            throw new IllegalStateException(systemFile + " did not boot: " + e.getMessage(), e);
        }
        assertTrue(checker.checks() > 0, "no trap was checked");
        return new GuestRun(exit, console.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
    }
}
