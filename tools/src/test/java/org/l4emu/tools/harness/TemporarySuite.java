package org.l4emu.tools.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.l4emu.emulator.Architecture;

/** A suite directory a test writes case and golden files into, with systems taken from the built guests. */
record TemporarySuite(Path directory) {
    static final Path BUILT_GUESTS = Path.of("..", "guest-programs", "target", "arm").toAbsolutePath().normalize();
    static final Path PROJECT_SUITE = GuestSuiteTest.SUITE.toAbsolutePath().normalize();

    /** The absolute path of a built guest system or image, as a case file may name it. */
    static String built(String file) {
        return BUILT_GUESTS.resolve(file).toString();
    }

    Path write(String name, String text) {
        Path file = directory.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    String read(String name) {
        try {
            return Files.readString(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CaseLocation location(String caseName) {
        return CaseLocation.of(directory.resolve(caseName + CaseFileReader.SUFFIX), directory);
    }

    /** Reads, runs and checks one case as 'l4emu test' would (with --update when {@code update}). */
    CaseResult run(String caseName, boolean update) {
        try (SuiteRunner runner = new SuiteRunner(Architecture.ARM, 1, new CaseChecker(update, directory))) {
            return SuiteRunner.join(runner.submit(location(caseName)));
        }
    }
}
