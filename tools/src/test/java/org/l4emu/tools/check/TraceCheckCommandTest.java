package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.tools.CommandLineRun;

/** {@code l4emu trace check} from the command line: its output and exit codes. */
class TraceCheckCommandTest {
    @TempDir
    Path dir;

    private Path record(String system) {
        Path trace = dir.resolve(system + ".trace");
        CommandLineRun run = CommandLineRun.of("boot", "--quiet", "--trace", trace.toString(),
                CommandLineRun.guest(system));
        assertEquals(0, run.exitCode(), run.err());
        return trace;
    }

    @Test
    @DisplayName("a clean trace: one summary line, exit code 0")
    void clean() {
        CommandLineRun run = CommandLineRun.of("trace", "check", record("pingpong.xml").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.out());
        assertTrue(lines.getFirst().matches("l4emu trace check: pingpong\\.xml\\.trace: [0-9,]+ events, no violation"),
                lines.getFirst());
    }

    /**
     * chk_nil.xml recorded on the kernel before issue 12's fix 7 (checker branch, commit 4fa5f40):
     * ipc(nilthread, nilthread) failed with error 2. Today's kernel gives no violation to record.
     */
    private static final Path UNFIXED_NIL = Path.of("src", "test", "resources", "traces", "chk_nil-unfixed.trace");

    @Test
    @DisplayName("a trace with a violation: each with its event number and rule, a summary, exit code 1")
    void violation() {
        CommandLineRun run = CommandLineRun.of("trace", "check", UNFIXED_NIL.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.getFirst().matches("event [0-9]+ \\([0-9.,]+ us\\): ABI: ipc\\(nilthread, nilthread\\) of nil.*"),
                run.out());
        assertTrue(lines.getLast().matches(
                "l4emu trace check: chk_nil-unfixed\\.trace: 1 violation in [0-9,]+ events \\(ABI 1\\)"), run.out());
    }

    @Test
    @DisplayName("--max limits what is printed, not what is counted")
    void max() {
        CommandLineRun run = CommandLineRun.of("trace", "check", "--max", "0", UNFIXED_NIL.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.out().lines().count(), run.out());
    }

    @Test
    @DisplayName("bad input: one line, exit code 2, no stack trace; a version 1 trace is called old")
    void badInput() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        CommandLineRun notTrace = CommandLineRun.of("trace", "check", text.toString());
        assertEquals(2, notTrace.exitCode());
        assertEquals(1, notTrace.errLines().size(), notTrace.err());
        assertTrue(notTrace.err().contains("not an l4emu trace"), notTrace.err());

        byte[] header = "L4EMUTRC\u0001".getBytes(StandardCharsets.US_ASCII);
        Path old = Files.write(dir.resolve("old.trace"), header);
        CommandLineRun version1 = CommandLineRun.of("trace", "check", old.toString());
        assertEquals(2, version1.exitCode());
        assertEquals(List.of("l4emu: " + old + ": trace format version 1 is older than this l4emu reads (versions 2 to 4):"
                + " record the run again with 'l4emu boot --trace'"), version1.errLines());

        CommandLineRun missing = CommandLineRun.of("trace", "check", dir.resolve("none.trace").toString());
        assertEquals(2, missing.exitCode());
        assertFalse(missing.err().contains("\tat "), missing.err());
        assertEquals(2, CommandLineRun.of("trace", "check", "--max", "-1", old.toString()).exitCode());
    }

    @Test
    @DisplayName("--help describes the command and its exit codes")
    void help() {
        CommandLineRun run = CommandLineRun.of("trace", "check", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Check a trace against the SEMANTICS.md rules"), run.out());
        assertTrue(run.out().contains("1   at least one violation"), run.out());
    }
}
