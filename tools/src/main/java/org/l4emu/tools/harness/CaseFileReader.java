package org.l4emu.tools.harness;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.l4emu.emulator.Architecture;

/**
 * Reads a case file ({@code NAME.test.yaml}) into a {@link TestCase} for one architecture: paths
 * resolved relative to the case file, patterns compiled, options checked as {@code l4emu boot}
 * checks them. Every problem is a {@link CaseFileException} of one line naming the file.
 */
public final class CaseFileReader {
    public static final String SUFFIX = ".test.yaml";

    /** The placeholder in paths that stands for the architecture the suite runs on. */
    public static final String ARCH_PLACEHOLDER = "{arch}";

    private CaseFileReader() {}

    /** Reads a case for a run on {@code architecture}. */
    public static TestCase read(CaseLocation location, Architecture architecture) {
        Path file = location.file();
        CaseFile raw = CaseFileParser.parse(file);
        if (raw == null) {
            throw problem(file, "empty case file (it needs at least 'system: FILE')");
        }
        if (raw.system() == null || raw.system().isBlank()) {
            throw problem(file, "no 'system' (the ELF image or system description to boot, relative to the case file)");
        }
        PathResolver paths = new PathResolver(file.toAbsolutePath().getParent(), architecture);
        return new TestCase(location, raw.description() == null ? "" : raw.description().strip(), architecture,
                architectures(file, raw.arch()), paths.resolve(raw.system()),
                CaseBootOptions.parse(file, raw.options()),
                raw.exit() == null ? 0 : raw.exit(),
                text(file, paths, "console", raw.console()),
                text(file, paths, "log", raw.log()),
                text(file, paths, "ipc", raw.ipc()));
    }

    /** "pump" for suite/pump.test.yaml, "monitors/pump" for suite/monitors/pump.test.yaml. */
    static String nameOf(Path file, Path suite) {
        Path relative = suite.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        String path = relative.toString().replace(File.separatorChar, '/');
        return path.endsWith(SUFFIX) ? path.substring(0, path.length() - SUFFIX.length()) : path;
    }

    /** Paths in a case file: relative to it, with {@code {arch}} replaced. */
    private record PathResolver(Path directory, Architecture architecture) {
        Path resolve(String path) {
            return directory.resolve(path.replace(ARCH_PLACEHOLDER, architecture.xmlName())).normalize();
        }
    }

    private static List<Architecture> architectures(Path file, List<String> names) {
        if (names == null) {
            return List.of();
        }
        List<Architecture> architectures = new ArrayList<>();
        for (String name : names) {
            try {
                architectures.add(Architecture.fromXmlName(name));
            } catch (IllegalArgumentException e) {
                throw problem(file, "arch: " + e.getMessage() + " (known: " + knownArchitectures() + ")");
            }
        }
        return architectures;
    }

    static String knownArchitectures() {
        return Arrays.stream(Architecture.values()).map(Architecture::xmlName).collect(Collectors.joining(", "));
    }

    private static TextExpectation text(Path file, PathResolver paths, String key, CaseFile.Text raw) {
        if (raw == null) {
            return TextExpectation.NONE;
        }
        Path golden = raw.golden() == null ? null : paths.resolve(raw.golden());
        return new TextExpectation(golden, patterns(file, key + ".match", raw.match()),
                patterns(file, key + ".absent", raw.absent()));
    }

    private static List<LinePattern> patterns(Path file, String key, List<String> entries) {
        List<LinePattern> patterns = new ArrayList<>();
        if (entries == null) {
            return patterns;
        }
        for (String entry : entries) {
            if (entry == null) {
                throw problem(file, key + ": an empty entry");
            }
            for (String line : entry.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    patterns.add(LinePattern.parse(line));
                } catch (IllegalArgumentException e) {
                    throw problem(file, key + ": " + e.getMessage());
                }
            }
        }
        return patterns;
    }

    static CaseFileException problem(Path file, String problem) {
        return new CaseFileException(file + ": " + problem);
    }
}
