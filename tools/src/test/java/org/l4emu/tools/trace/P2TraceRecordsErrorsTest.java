package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.tools.CommandLineRun;

/**
 * docs/semantics.md P2, "the trace records it": a trace of guest-programs/src/p2_bad_arguments.c,
 * on the arm and the x86 guests, holds an error event for every bad argument, the system calls
 * other than ipc included.
 */
@DisplayName("P2 The trace records every error")
class P2TraceRecordsErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("P2: each failing kdebug, unknown call, unmap, exchange_registers, thread_control and redirect is a syscall_error")
    void callsOtherThanIpc(String arch) {
        Path trace = record(arch);
        List<String> failures = TraceRecordingTest.events(trace).stream()
                .filter(event -> event.kind() == EventKind.SYSCALL_ERROR)
                .map(event -> event.threadName() + ": " + EventText.describe(event))
                .toList();

        assertEquals(List.of(
                "driver: kdebug fails: error 9 invalid argument",
                "driver: kdebug fails: error 9 invalid argument",
                "driver: unknown_99 fails: error 9 invalid argument",
                "driver: unmap fails: error 9 invalid argument",
                "driver: unmap fails: error 9 invalid argument",
                "driver: exchange_registers fails: error 6 not permitted",
                "driver: thread_control fails: error 6 not permitted",
                "driver: redirect fails: error 6 not permitted"), failures);
        assertTrue(TraceCommandsTest.dumpValidAgainstSchema(trace).stream().anyMatch(line ->
                line.contains("\"kind\":\"syscall_error\"") && line.contains("\"syscall\":\"unmap\"")
                        && line.contains("\"error\":9") && line.contains("\"error_name\":\"invalid argument\"")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("P2: each bad ipc argument is an error event with error 9")
    void ipcArguments(String arch) {
        long ipcErrors = TraceRecordingTest.events(record(arch)).stream()
                .filter(event -> event.detail() instanceof EventDetail.Failure failure
                        && new DopeBits(failure.dope()).errorCode() == 9)
                .count();

        assertEquals(6, ipcErrors);
    }

    private Path record(String arch) {
        Path trace = dir.resolve(arch + ".trace");
        Path system = Path.of("..", "guest-programs", "target", arch, "p2_bad_arguments.xml");
        CommandLineRun run = CommandLineRun.of("boot", "--quiet", "--trace", trace.toString(), system.toString());
        assertEquals(0, run.exitCode(), run.err());
        return trace;
    }
}
