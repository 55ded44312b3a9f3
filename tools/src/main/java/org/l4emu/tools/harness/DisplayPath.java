package org.l4emu.tools.harness;

import java.nio.file.Path;

/** A file as reports name it: relative to the working directory when below it, else absolute. */
final class DisplayPath {
    private DisplayPath() {}

    static String of(Path file, Path workingDirectory) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = workingDirectory.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
