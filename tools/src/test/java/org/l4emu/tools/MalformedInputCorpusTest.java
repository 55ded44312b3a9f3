package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.l4emu.abi.Abi;

/**
 * The malformed-input corpus, end to end through {@code l4emu boot}: every defective image
 * ({@link ElfDefect}), every description of src/test/resources/malformed and of the kernel's
 * description corpus gives one line naming the problem and exit code 2, never a stack trace; and
 * seeded random corruptions of a good image and a good description never make the command fail
 * with anything but a guest's own exit code or that one line.
 */
class MalformedInputCorpusTest {
    private static final Path KERNEL_CORPUS = Path.of("..", "kernel", "src", "test", "resources", "malformed", "xml");
    private static final int RANDOM_ROUNDS = 150;

    @TempDir
    static Path dir;

    record Case(String file, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    @BeforeAll
    static void writeCorpus() throws IOException {
        byte[] hello = Files.readAllBytes(CommandLineRun.GUESTS.resolve("hello.elf"));
        Files.write(dir.resolve("hello.elf"), hello);
        for (ElfDefect defect : ElfDefect.values()) {
            Files.write(dir.resolve(defect.fileName()), defect.applyTo(hello));
        }
        try (Stream<Path> files = Files.list(toolsCorpus())) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ElfDefect.class)
    @DisplayName("a defective image booted alone")
    void defectiveImage(ElfDefect defect) {
        CommandLineRun run = CommandLineRun.of("boot", dir.resolve(defect.fileName()).toString());
        BadInputTest.assertOneLineError(run, defect.fragment());
        BadInputTest.assertOneLineError(run, defect.fileName());
    }

    static List<Case> toolsCases() throws IOException {
        return Files.readAllLines(toolsCorpus().resolve("expected.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 2))
                .map(fields -> new Case(fields[0], fields[1]))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolsCases")
    @DisplayName("a malformed description beside its images")
    void malformedDescription(Case expected) {
        BadInputTest.assertOneLineError(CommandLineRun.of("boot", dir.resolve(expected.file()).toString()),
                expected.fragment());
    }

    /** The kernel corpus's expected.txt: file, line, fragment. */
    static List<String[]> kernelCases() throws IOException {
        return Files.readAllLines(KERNEL_CORPUS.resolve("expected.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 3))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelCases")
    @DisplayName("the kernel's malformed descriptions, through the command line")
    void kernelCorpusDescription(String file, String line, String fragment) {
        Path xml = KERNEL_CORPUS.resolve(file);
        CommandLineRun run = CommandLineRun.of("boot", xml.toString());
        BadInputTest.assertOneLineError(run, xml + ":" + line + ":");
        BadInputTest.assertOneLineError(run, fragment);
    }

    @Test
    @DisplayName("more threads than the boot info page lists (generated: 2 tasks of 1,100 threads)")
    void tooManyThreadsForTheBootInfoPage() throws IOException {
        StringBuilder xml = new StringBuilder("<system arch=\"arm\">\n");
        for (String task : List.of("a", "b")) {
            xml.append("  <task name=\"").append(task).append("\" image=\"hello.elf\">\n");
            for (int thread = 0; thread < 1099; thread++) {
                xml.append("    <thread name=\"t").append(thread).append("\" entry=\"main\"/>\n");
            }
            xml.append("  </task>\n");
        }
        Path file = Files.writeString(dir.resolve("too-many-threads.xml"), xml.append("</system>\n"));
        BadInputTest.assertOneLineError(CommandLineRun.of("boot", file.toString()),
                "too many threads for the boot info page (2200, at most 2047)");
    }

    @Test
    @DisplayName("every file of the corpus is listed in expected.txt")
    void everyCorpusFileIsListed() throws IOException {
        List<String> listed = toolsCases().stream().map(Case::file).sorted().toList();
        try (Stream<Path> files = Files.list(toolsCorpus())) {
            assertEquals(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList(),
                    listed);
        }
    }

    @Test
    @DisplayName("seeded random byte flips of a good image: a run or one line, never an internal error")
    void randomImageCorruption() throws IOException {
        byte[] hello = Files.readAllBytes(dir.resolve("hello.elf"));
        Random random = new Random(11);
        for (int round = 0; round < RANDOM_ROUNDS; round++) {
            byte[] bytes = hello.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bytes[random.nextInt(Math.min(bytes.length, 4096))] ^= (byte) (1 << random.nextInt(8));
            }
            Path file = Files.write(dir.resolve("flipped-" + round + ".elf"), bytes);
            assertNoInternalError(CommandLineRun.of("boot", "--max-instructions=100000", file.toString()),
                    "round " + round);
        }
    }

    @Test
    @DisplayName("seeded random edits of a good description: a run or one line, never an internal error")
    void randomDescriptionCorruption() throws IOException {
        String good = """
                <system arch="arm" name="edited">
                  <task name="a" image="hello.elf" priority="100">
                    <thread name="t" entry="main" stack="4096"/>
                    <memory vaddr="0x40000000" size="0x1000"/>
                  </task>
                  <task name="b" image="hello.elf" monitor="true"/>
                  <shared name="s" size="0x1000"><map task="a" vaddr="0x50000000" perms="rw"/></shared>
                  <redirect source="a" dest="*" monitor="b" class="system"/>
                </system>
                """;
        String alphabet = "<>/=\" x0123456789abcdef-.*";
        Random random = new Random(12);
        for (int round = 0; round < RANDOM_ROUNDS; round++) {
            StringBuilder text = new StringBuilder(good);
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Path file = Files.writeString(dir.resolve("edited-" + round + ".xml"), text, StandardCharsets.UTF_8);
            assertNoInternalError(CommandLineRun.of("boot", "--max-instructions=100000", file.toString()),
                    "round " + round + ":\n" + text);
        }
    }

    private static void assertNoInternalError(CommandLineRun run, String what) {
        assertNotEquals(Abi.ExitCode.INTERNAL_ERROR, run.exitCode(), () -> what + "\n" + run.err());
        assertFalse(run.err().contains("\tat "), () -> what + "\n" + run.err());
        if (run.exitCode() == Abi.ExitCode.BAD_INPUT) {
            assertEquals(1, run.errLines().size(), () -> what + "\n" + run.err());
        }
    }

    private static Path toolsCorpus() {
        try {
            return Path.of(MalformedInputCorpusTest.class.getResource("/malformed/expected.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
