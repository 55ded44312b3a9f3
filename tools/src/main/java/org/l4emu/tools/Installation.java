package org.l4emu.tools;

import java.nio.file.Path;
import org.l4emu.emulator.Architecture;

/** Where this installation's built guests live: the launcher passes its root as l4emu.home. */
public final class Installation {
    private Installation() {}

    public static Path guestDirectory() {
        return guestDirectory(Architecture.ARM);
    }

    /** Where the guests built for {@code architecture} are. */
    public static Path guestDirectory(Architecture architecture) {
        return home().resolve(Path.of("guest-programs", "target", architecture.xmlName()));
    }

    /** The project's own guest regression suite (case files and golden files, in the source tree). */
    public static Path guestTestDirectory() {
        return home().resolve(Path.of("guest-programs", "tests"));
    }

    private static Path home() {
        return Path.of(System.getProperty("l4emu.home", "."));
    }
}
