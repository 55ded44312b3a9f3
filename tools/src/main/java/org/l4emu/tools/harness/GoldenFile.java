package org.l4emu.tools.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.l4emu.tools.trace.IoProblems;

/** A golden file: the text a run must show, byte for byte (UTF-8), recorded by {@code --update}. */
final class GoldenFile {
    private GoldenFile() {}

    /** The recorded text, or empty when the file does not exist yet. */
    static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CaseFileException(file + ": cannot read golden file (" + IoProblems.describe(e) + ")");
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CaseFileException(file + ": cannot write golden file (" + IoProblems.describe(e) + ")");
        }
    }
}
