package org.l4emu.kernel.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of src/test/resources/malformed/xml is rejected with the message expected.txt gives. */
class MalformedDescriptionCorpusTest {
    private static final Path CORPUS = corpusDirectory();

    record Case(String file, int line, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Case> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("expected.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 3))
                .map(fields -> new Case(fields[0], Integer.parseInt(fields[1]), fields[2]))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithTheExpectedOneLineMessage(Case expected) {
        Path xml = CORPUS.resolve(expected.file());
        String message = assertThrows(SystemDescriptionException.class,
                () -> SystemDescriptionParser.parse(xml)).getMessage();

        assertTrue(message.startsWith(xml + ":" + expected.line() + ":"), () -> "wrong line: " + message);
        assertTrue(message.contains(expected.fragment()), () -> "wrong problem: " + message);
        assertFalse(message.contains("\n"), () -> "not one line: " + message);
    }

    @Test
    void everyCorpusFileIsListed() throws IOException {
        List<String> listed = cases().stream().map(Case::file).sorted().toList();
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> present = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".xml")).sorted().toList();
            assertEquals(present, listed);
        }
    }

    private static Path corpusDirectory() {
        try {
            return Path.of(MalformedDescriptionCorpusTest.class.getResource("/malformed/xml/expected.txt").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
