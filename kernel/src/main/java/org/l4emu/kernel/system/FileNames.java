package org.l4emu.kernel.system;

import java.nio.file.Path;

final class FileNames {
    private FileNames() {}

    /** The file's name without directory and extension: {@code hello} for {@code dir/hello.elf}. */
    static String baseName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * {@code image} resolved against the directory of {@code xml}. Normalizing "." next to a
     * description in the working directory gives the empty path, which would name nothing in
     * messages: it stays ".".
     */
    static Path besideDescription(Path xml, String image) {
        Path resolved = xml.resolveSibling(image).normalize();
        return resolved.toString().isEmpty() ? Path.of(".") : resolved;
    }
}
