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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.l4emu.emulator.elf.ElfImage;
import org.l4emu.tools.CommandLineRun;
import org.l4emu.tools.L4emu;

/** {@code l4emu gdb} with the real gdb-multiarch in batch mode: breakpoints, registers, steps forward and back. */
class GdbStubTest {
    private static final Path PING = CommandLineRun.GUESTS.resolve("ping.elf");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("gdb-multiarch sets a breakpoint at a guest symbol, continues, reads a register, steps and reverse-steps")
    void gdbSession() throws Exception {
        int print = ElfImage.read(PING).symbol("l4_print").orElseThrow();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ByteArrayOutputStream stubErr = new ByteArrayOutputStream();
        int[] stubExit = {-1};
        Thread stub = new Thread(() -> stubExit[0] = L4emu.execute(OutputStream.nullOutputStream(),
                new PrintStream(stubErr, true, StandardCharsets.UTF_8), "gdb", "--port", Integer.toString(port),
                "--task", "ping", CommandLineRun.guest("pingpong.xml")));
        stub.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!stubErr.toString(StandardCharsets.UTF_8).contains("waiting for gdb")) {
            if (System.nanoTime() > deadline || !stub.isAlive()) {
                fail("the stub did not start: " + stubErr);
            }
            Thread.sleep(20);
        }
        List<String> gdb = new ArrayList<>(List.of("gdb-multiarch", "-batch", "-nx", "-ex", "set pagination off",
                "-ex", "file " + PING, "-ex", "target remote :" + port, "-ex", "info threads",
                "-ex", "break l4_print", "-ex", "continue", "-ex", "printf \"PC=%x\\n\", $pc",
                "-ex", "printf \"R0=%x\\n\", $r0", "-ex", "stepi", "-ex", "printf \"PC=%x\\n\", $pc",
                "-ex", "stepi", "-ex", "printf \"PC=%x\\n\", $pc", "-ex", "reverse-stepi",
                "-ex", "printf \"PC=%x\\n\", $pc", "-ex", "reverse-stepi", "-ex", "printf \"PC=%x\\n\", $pc",
                "-ex", "kill"));
        Process process;
        try {
            process = new ProcessBuilder(gdb).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("gdb-multiarch is needed (Debian package gdb-multiarch; ./run-tests installs it)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        stub.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(0, stubExit[0], stubErr.toString(StandardCharsets.UTF_8));

        assertTrue(output.contains("Thread 1 \"ping\""), output);
        assertTrue(output.contains("Thread 2 \"pong\""), output);
        assertTrue(output.contains("hit Breakpoint 1, l4_print"), output);
        List<String> pcs = values(output, "PC");
        String at = Integer.toHexString(print);
        assertEquals(List.of(at, Integer.toHexString(print + 4), Integer.toHexString(print + 8),
                Integer.toHexString(print + 4), at), pcs, output);
        List<String> r0 = values(output, "R0");
        assertEquals(1, r0.size(), output);
        assertTrue(Integer.parseUnsignedInt(r0.getFirst(), 16) > 0x10000, "r0 holds the text's address: " + output);
    }

    private static List<String> values(String output, String name) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("^" + name + "=([0-9a-f]+)$", Pattern.MULTILINE).matcher(output);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
