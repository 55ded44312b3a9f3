package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.abi.Abi;

/**
 * Runs are deterministic: the same image and options give the same console, the same kernel
 * messages, the same exit code and the same trace, byte for byte, ten times over. The systems
 * cover plain IPC, a server with clients, monitors with controlled synchrony, page faults and
 * mappings, faults, deadlock, and hostile guests.
 */
class DeterminismTest {
    private static final int RUNS = 10;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pingpong.xml", "server.xml", "pump.xml", "memory.xml", "fault.xml", "deadlock.xml",
            "hostile_sender_flood.xml", "hostile_dying_client.xml", "m6_controlled_synchrony.xml"})
    void tenRunsAreIdentical(String system) throws IOException {
        Path firstTrace = dir.resolve("run-0.trace");
        CommandLineRun first = CommandLineRun.of("boot", CommandLineRun.guest(system), "--trace", firstTrace.toString());
        assertNotEquals(Abi.ExitCode.BAD_INPUT, first.exitCode(), first.err());
        byte[] expectedTrace = Files.readAllBytes(firstTrace);
        for (int run = 1; run < RUNS; run++) {
            Path trace = dir.resolve("run-" + run + ".trace");
            CommandLineRun again = CommandLineRun.of("boot", CommandLineRun.guest(system), "--trace", trace.toString());
            int number = run;
            assertEquals(first.exitCode(), again.exitCode(), () -> "exit code of run " + number);
            assertEquals(first.out(), again.out(), () -> "console of run " + number);
            assertEquals(first.err().replace(firstTrace.toString(), "TRACE"), again.err().replace(trace.toString(), "TRACE"),
                    () -> "kernel messages of run " + number);
            assertArrayEquals(expectedTrace, Files.readAllBytes(trace), () -> "trace of run " + number);
        }
    }
}
