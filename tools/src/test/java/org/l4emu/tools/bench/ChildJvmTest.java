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
        Path file = Path.of(L4emu.class.getResource(ChildJvm.OPTIONS_FILE).toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "@" + file, "-cp", System.getProperty("java.class.path"),
                PrintInputArguments.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertEquals(ChildJvm.launcherOptions(), output.lines().toList());
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
}
