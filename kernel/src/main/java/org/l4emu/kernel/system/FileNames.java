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
}
