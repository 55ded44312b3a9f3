package org.l4emu.tools.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Source positions of guest code: each image's line table, and the source files it names,
 * found where the image was built. Images built as guest-programs builds them name files
 * relative to the build directory ({@code -ffile-prefix-map=DIR=.}), which is the image's
 * directory or one above it; absolute names are taken as they are.
 */
public final class Sources {
    private final Map<Path, LineTable> tables = new HashMap<>();
    private final Map<Path, Optional<List<String>>> files = new HashMap<>();

    /** The source line of {@code address} in the program of {@code image}. */
    public Optional<SourceLine> at(Path image, int address) {
        return table(image).at(address);
    }

    /** The text of {@code source}'s file, found from {@code image}'s directory upwards; empty when not found. */
    public Optional<List<String>> text(Path image, SourceLine source) {
        Path file = locate(image, source.file());
        if (file == null) {
            return Optional.empty();
        }
        return files.computeIfAbsent(file, f -> {
            try {
                return Optional.of(Files.readAllLines(f, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private LineTable table(Path image) {
        return tables.computeIfAbsent(image.toAbsolutePath().normalize(), path -> {
            try {
                return LineTable.of(Files.readAllBytes(path));
            } catch (IOException e) {
                return LineTable.EMPTY;
            }
        });
    }

    private static Path locate(Path image, String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return Files.isRegularFile(given) ? given : null;
        }
        for (Path dir = image.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(given);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
