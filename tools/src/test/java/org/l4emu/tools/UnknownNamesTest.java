package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A thread or task name the trace or the run does not have is refused the same way by every command. */
class UnknownNamesTest {
    private static final String SYSTEM = CommandLineRun.guest("pingpong.xml");

    @TempDir
    Path dir;

    private Path trace;

    @BeforeEach
    void record() {
        trace = dir.resolve("pingpong.trace");
        assertEquals(0, CommandLineRun.of("boot", "--quiet", "--trace", trace.toString(), SYSTEM).exitCode());
    }

    @Test
    @DisplayName("trace show --task/--thread: one line naming the name and the trace, exit 2; known names still select")
    void traceShow() {
        BadInputTest.assertOneLineError(CommandLineRun.of("trace", "show", "--task=pong,nope", trace.toString()),
                "--task: no task 'nope' in " + trace + " (tasks: ");
        BadInputTest.assertOneLineError(CommandLineRun.of("trace", "show", "--thread=nope", trace.toString()),
                "--thread: no thread 'nope' in " + trace + " (threads: ");
        CommandLineRun known = CommandLineRun.of("trace", "show", "--task=pong", "--json", trace.toString());
        assertEquals(0, known.exitCode(), known.err());
        assertFalse(known.out().isEmpty());
    }

    @Test
    @DisplayName("trace export --task: refused before anything is written, to standard output or -o")
    void traceExport() {
        BadInputTest.assertOneLineError(CommandLineRun.of("trace", "export", "--format=mermaid", "--task=nope",
                trace.toString()), "--task: no task 'nope' in " + trace);
        Path picture = dir.resolve("pingpong.svg");
        BadInputTest.assertOneLineError(CommandLineRun.of("trace", "export", "--format=svg", "--thread=nope", "-o",
                picture.toString(), trace.toString()), "--thread: no thread 'nope' in " + trace);
        assertFalse(Files.exists(picture), "no empty picture left behind");
    }

    @Test
    @DisplayName("gdb --task: the same line, before waiting for a debugger")
    void gdbTask() {
        BadInputTest.assertOneLineError(CommandLineRun.of("gdb", "--port=0", "--task=nope", SYSTEM),
                "--task: no task 'nope' in " + SYSTEM + " (tasks: ");
    }

    @Test
    @DisplayName("step: every command that takes a thread or task refuses an unknown one (break thread/task too)")
    void stepCommands() {
        String[] commands = {"thread nope", "regs nope", "mrs nope", "list nope", "break thread nope",
                "break task nope", "break main in nope", "watch 0x1000 in nope"};
        for (String command : commands) {
            CommandLineRun run = CommandLineRun.of("step", "--batch", "-e", command, SYSTEM);
            assertEquals(1, run.exitCode(), command + ": " + run.out());
            String kind = command.contains("task") || command.contains(" in ") ? "task" : "thread";
            assertTrue(run.out().contains("\nl4emu: no " + kind + " 'nope' in " + SYSTEM + " (" + kind + "s: "),
                    command + ": " + run.out());
        }
    }
}
