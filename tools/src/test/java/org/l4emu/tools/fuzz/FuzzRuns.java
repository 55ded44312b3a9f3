package org.l4emu.tools.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.l4emu.tools.L4emu;

/** `l4emu fuzz` as a test runs it: the exit code, the summary and the messages. */
public record FuzzRuns(int exitCode, String out, String err) {
    public static FuzzRuns fuzz(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[arguments.length + 2];
        args[0] = "fuzz";
        args[1] = "--quiet";
        System.arraycopy(arguments, 0, args, 2, arguments.length);
        int exit;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = L4emu.execute(out, errStream, args);
        }
        return new FuzzRuns(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The summary without its first line, which carries the host's timing. */
    public List<String> summaryAfterTiming() {
        return out.lines().skip(1).toList();
    }

    /** Everything, for an assertion's message. */
    public String all() {
        return out + err;
    }
}
