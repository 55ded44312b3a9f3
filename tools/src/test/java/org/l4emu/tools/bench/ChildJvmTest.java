package org.l4emu.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.tools.L4emu;

/** The JVM options live in one file, which java reads as an argument file and ChildJvm reads itself. */
class ChildJvmTest {
    /** Prints the JVM's input arguments, a line each: what java made of its command line. */
    public static final class PrintInputArguments {
        public static void main(String[] args) {
            ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
        }
    }

    @Test
    void javaReadsTheOptionsFileAsChildJvmDoes() throws IOException, InterruptedException, URISyntaxException {
        assertEquals(ChildJvm.launcherOptions(), run(List.of(java(), "@" + optionsFile(), "-cp",
                System.getProperty("java.class.path"), PrintInputArguments.class.getName())));
    }

    /**
     * The profiles of an AOT cache's training run, a short boot, are not replayed into a long
     * run's compilation (which the JVM does by default once it has a cache).
     */
    @Test
    void theOptionsTurnOffTheReplayOfTrainingProfiles(@TempDir Path directory)
            throws IOException, InterruptedException, URISyntaxException {
        Path cache = directory.resolve("version.aot");
        run(List.of(java(), "-XX:AOTCacheOutput=" + cache, "-version"));
        List<String> flags = run(List.of(java(), "@" + optionsFile(), "-XX:AOTCache=" + cache,
                "-XX:+PrintFlagsFinal", "-version"));
        List<String> replay = flags.stream().filter(line -> line.contains(" AOTReplayTraining ")).toList();
        assertEquals(1, replay.size(), String.join("\n", flags));
        assertTrue(replay.getFirst().matches(".*= false .*"), replay.getFirst());
    }

    @Test
    void theOptionsLetTheEngineBeCalled() {
        List<String> options = ChildJvm.launcherOptions();
        assertTrue(options.contains("--enable-native-access=ALL-UNNAMED"), options.toString());
        assertTrue(options.stream().noneMatch(option -> option.isBlank() || option.startsWith("#")), options.toString());
    }

    @Test
    void aProcessNotStartedByTheLauncherStartsChildrenWithTheFileOptions() {
        List<String> expected = new ArrayList<>(ChildJvm.launcherOptions());
        expected.addAll(List.of("-cp", System.getProperty("java.class.path"), L4emu.class.getName()));
        List<String> command = ChildJvm.command();
        assertEquals(expected, command.subList(1, command.size()));
    }

    private static Path optionsFile() throws URISyntaxException {
        return Path.of(L4emu.class.getResource(ChildJvm.OPTIONS_FILE).toURI());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The lines {@code command} prints, on either stream; it must succeed. */
    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }
}
