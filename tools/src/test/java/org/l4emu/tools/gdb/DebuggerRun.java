package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.l4emu.tools.L4emu;

/**
 * A real debugger (gdb-multiarch or lldb) in batch mode against {@code l4emu gdb} in this JVM:
 * the stub serves one connection, the debugger runs its commands, and both must end cleanly.
 * Tests skip, saying why, only when the debugger is not installed.
 */
record DebuggerRun(String output) {
    static final Path GDB = Path.of("/usr/bin/gdb-multiarch");
    static final Path LLDB = Path.of("/usr/bin/lldb");

    /** Runs {@code debugger}'s command line, made from the stub's port, against {@code l4emu gdb ARGS}. */
    static DebuggerRun of(Path debugger, IntFunction<List<String>> commandLine, String... stubArgs) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(debugger), debugger + " is not installed (Debian package "
                + (debugger.equals(LLDB) ? "lldb" : "gdb-multiarch") + "; ./run-tests installs it)");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ByteArrayOutputStream stubErr = new ByteArrayOutputStream();
        int[] stubExit = {-1};
        List<String> args = new ArrayList<>(List.of("gdb", "--port", Integer.toString(port)));
        args.addAll(List.of(stubArgs));
        Thread stub = new Thread(() -> stubExit[0] = L4emu.execute(OutputStream.nullOutputStream(),
                new PrintStream(stubErr, true, StandardCharsets.UTF_8), args.toArray(String[]::new)));
        stub.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!stubErr.toString(StandardCharsets.UTF_8).contains("waiting for gdb")) {
            if (System.nanoTime() > deadline || !stub.isAlive()) {
                fail("the stub did not start: " + stubErr);
            }
            Thread.sleep(20);
        }
        Process process;
        try {
            process = new ProcessBuilder(commandLine.apply(port)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(debugger + " did not start", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        stub.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(0, stubExit[0], stubErr.toString(StandardCharsets.UTF_8) + "\n" + output);
        return new DebuggerRun(output);
    }

    /** gdb-multiarch in batch mode: {@code file IMAGE}, {@code target remote}, then {@code commands}. */
    static DebuggerRun gdb(Path image, List<String> commands, String... stubArgs) throws Exception {
        return of(GDB, port -> {
            List<String> line = new ArrayList<>(List.of(GDB.toString(), "-batch", "-nx", "-ex", "set pagination off",
                    "-ex", "file " + image, "-ex", "target remote :" + port));
            commands.forEach(command -> line.addAll(List.of("-ex", command)));
            line.addAll(List.of("-ex", "kill"));
            return line;
        }, stubArgs);
    }

    /** lldb in batch mode on {@code image}: {@code gdb-remote PORT}, then {@code commands}. */
    static DebuggerRun lldb(Path image, List<String> commands, String... stubArgs) throws Exception {
        return of(LLDB, port -> {
            List<String> line = new ArrayList<>(List.of(LLDB.toString(), "--batch", "--no-lldbinit",
                    "-o", "gdb-remote " + port));
            commands.forEach(command -> line.addAll(List.of("-o", command)));
            line.addAll(List.of("-o", "kill", image.toString()));
            return line;
        }, stubArgs);
    }

    /** The hex values of lines "NAME=hex" that the debugger printed (with printf), in order. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("^" + name + "=([0-9a-f]+)$", Pattern.MULTILINE).matcher(output);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    boolean contains(String text) {
        return output.contains(text);
    }
}
