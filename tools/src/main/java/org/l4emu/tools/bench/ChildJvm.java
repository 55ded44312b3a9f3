package org.l4emu.tools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.l4emu.tools.L4emu;

/**
 * The command that starts another l4emu process exactly as this one was started by the launcher
 * (same java, options, AOT cache and class path), up to and including the main class.
 */
final class ChildJvm {
    private static final String MAIN_CLASS = L4emu.class.getName();
    /** Next to {@link L4emu}; the launcher passes the same file to java as an argument file. */
    static final String OPTIONS_FILE = "jvm.options";

    private ChildJvm() {
    }

    static List<String> command() {
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add(self.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> arguments = Arrays.asList(self.arguments().orElse(new String[0]));
        int main = arguments.indexOf(MAIN_CLASS);
        if (main >= 0) {
            command.addAll(arguments.subList(0, main + 1));
        } else {
            // Not started by the launcher (a test, an IDE): the launcher's options without its AOT cache.
            command.addAll(launcherOptions());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        }
        return command;
    }

    /** The options of the launcher's argument file ({@value #OPTIONS_FILE}): a line each, # for comments. */
    static List<String> launcherOptions() {
        try (InputStream in = L4emu.class.getResourceAsStream(OPTIONS_FILE)) {
            if (in == null) {
                throw new IllegalStateException("the class path holds no " + OPTIONS_FILE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPTIONS_FILE, e);
        }
    }
}
