package org.l4emu.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One in-process run of the l4emu command line, with what it printed. */
public record CommandLineRun(int exitCode, String out, String err) {
    public static final Path GUESTS = Path.of("..", "guest-programs", "target", "arm");

    public static CommandLineRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = L4emu.execute(out, errStream, args);
        }
        return new CommandLineRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static String guest(String name) {
        return GUESTS.resolve(name).toString();
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
