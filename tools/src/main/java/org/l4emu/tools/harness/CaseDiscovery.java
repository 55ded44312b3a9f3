package org.l4emu.tools.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds case files: every {@code *.test.yaml} below each directory given (in subdirectories too),
 * or a case file given by name. Cases come in a stable order: by suite as given, then by name.
 */
public final class CaseDiscovery {
    private CaseDiscovery() {}

    public static List<CaseLocation> find(List<Path> roots) {
        List<CaseLocation> cases = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                if (!root.getFileName().toString().endsWith(CaseFileReader.SUFFIX)) {
                    throw new CaseFileException(root + ": not a case file (its name must end in "
                            + CaseFileReader.SUFFIX + ")");
                }
                cases.add(CaseLocation.of(root, root.toAbsolutePath().getParent()));
            } else if (Files.isDirectory(root)) {
                cases.addAll(below(root));
            } else {
                throw new CaseFileException(root + ": no such file or directory");
            }
        }
        return cases;
    }

    private static List<CaseLocation> below(Path suite) {
        try (Stream<Path> files = Files.walk(suite)) {
            return files.filter(file -> file.getFileName().toString().endsWith(CaseFileReader.SUFFIX))
                    .filter(Files::isRegularFile)
                    .map(file -> CaseLocation.of(file, suite))
                    .sorted(Comparator.comparing(CaseLocation::name))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CaseFileException(suite + ": cannot list case files (" + e.getMessage() + ")");
        }
    }
}
