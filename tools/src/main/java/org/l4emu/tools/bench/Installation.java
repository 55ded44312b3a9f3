package org.l4emu.tools.bench;

import java.nio.file.Path;

/** Where this installation's built guests live: the launcher passes its root as l4emu.home. */
final class Installation {
    private Installation() {}

    static Path guestDirectory() {
        String home = System.getProperty("l4emu.home", ".");
        return Path.of(home, "guest-programs", "target", "arm");
    }
}
