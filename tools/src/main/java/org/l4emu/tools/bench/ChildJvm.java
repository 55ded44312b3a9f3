package org.l4emu.tools.bench;

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
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                    "-XX:CompileThresholdScaling=2", "-XX:CompileCommand=quiet",
                    "-XX:CompileCommand=exclude,jdk.internal.classfile.impl.*::*", "-cp",
                    System.getProperty("java.class.path"), MAIN_CLASS));
        }
        return command;
    }
}
