package org.l4emu.tools.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a command will write a file or a directory of files, checked before its work starts (as
 * 'bench --engine' checks its engine first): a run of minutes must not end in 'cannot write'.
 * Each answer is the one line to print ("--junit DIR: cannot write (why)"), or empty when the
 * place will do or none was given (null).
 */
public final class OutputLocation {
    private OutputLocation() {}

    /** {@code file} can be created, or replaced, by the command that takes it with {@code option}. */
    public static Optional<String> ofFile(String option, Path file) {
        if (file == null) {
            return Optional.empty();
        }
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        String problem;
        if (Files.isDirectory(absolute)) {
            problem = "a directory";
        } else if (parent == null || !Files.exists(parent)) {
            problem = "no such file or directory";
        } else if (!Files.isDirectory(parent)) {
            problem = parent + " is not a directory";
        } else if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(parent)) {
            problem = "permission denied";
        } else {
            return Optional.empty();
        }
        return Optional.of(cannotWrite(option, file, problem));
    }

    /** {@code directory} exists, or is made now, and takes new files. */
    public static Optional<String> ofDirectory(String option, Path directory) {
        if (directory == null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            return Optional.of(cannotWrite(option, directory, IoProblems.describe(e)));
        }
        return Files.isWritable(directory) ? Optional.empty()
                : Optional.of(cannotWrite(option, directory, "permission denied"));
    }

    private static String cannotWrite(String option, Path path, String problem) {
        return option + " " + path + ": cannot write (" + problem + ")";
    }
}
