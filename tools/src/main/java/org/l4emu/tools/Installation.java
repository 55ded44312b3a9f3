package org.l4emu.tools;

import java.nio.file.Path;

/** Where this installation's built guests live: the launcher passes its root as l4emu.home. */
public final class Installation {
    private Installation() {}

    public static Path guestDirectory() {
        return home().resolve(Path.of("guest-programs", "target", "arm"));
    }

    /** The project's own guest regression suite (case files and golden files, in the source tree). */
    public static Path guestTestDirectory() {
        return home().resolve(Path.of("guest-programs", "tests"));
    }

    private static Path home() {
        return Path.of(System.getProperty("l4emu.home", "."));
    }
}
