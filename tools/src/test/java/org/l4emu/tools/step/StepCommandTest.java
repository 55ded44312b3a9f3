package org.l4emu.tools.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.tools.CommandLineRun;

/** {@code l4emu step} driven by a script: forward, back, breakpoints, and what it reports. */
class StepCommandTest {
    @TempDir
    Path dir;

    /** The output of each command of the script, by command. */
    private List<Block> run(String... commands) throws IOException {
        return runOn(CommandLineRun.guest("pump.xml"), commands);
    }

    private List<Block> runOn(String system, String... commands) throws IOException {
        return runExpecting(0, system, commands);
    }

    /** The blocks of a batch run whose exit code must be {@code exitCode}. */
    private List<Block> runExpecting(int exitCode, String system, String... commands) throws IOException {
        Path script = Files.writeString(dir.resolve("script"), String.join("\n", commands) + "\n");
        CommandLineRun run = CommandLineRun.of("step", "--batch", "-x", script.toString(), system);
        assertEquals(exitCode, run.exitCode(), run.err());
        List<Block> blocks = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            if (line.startsWith("(step) ")) {
                blocks.add(new Block(line.substring(7), new ArrayList<>()));
            } else if (!blocks.isEmpty()) {
                blocks.getLast().lines().add(line);
            }
        }
        assertEquals(commands.length, blocks.size(), run.out());
        return blocks;
    }

    record Block(String command, List<String> lines) {
        String position() {
            return lines.stream().filter(l -> l.startsWith("position: ")).reduce((a, b) -> b).orElseThrow(
                    () -> new AssertionError("no position after " + command + ": " + lines));
        }

        String stop() {
            return lines.stream().filter(l -> l.startsWith("stopped: ")).findFirst().orElse("");
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    @Test
    @DisplayName("next stops after each IPC event; back then next returns to the same state")
    void backAndForth() throws IOException {
        List<Block> blocks = run("next", "next", "next", "regs", "mrs", "back", "next", "regs", "mrs");
        assertEquals("stopped: IPC event 162", blocks.get(0).stop());
        assertTrue(blocks.get(0).text().contains("client_mon deliver      receives from client: label 0x4c"),
                blocks.get(0).text());
        assertEquals("stopped: IPC event 175", blocks.get(1).stop());
        assertEquals("stopped: IPC event 183", blocks.get(2).stop());
        assertTrue(blocks.get(2).position().startsWith("position: instruction 2526, event 187, time 124.780 us"),
                blocks.get(2).position());
        assertEquals("stopped: back at IPC event 175", blocks.get(5).stop());
        assertEquals(blocks.get(1).position(), blocks.get(5).position());
        assertEquals(blocks.get(2).position(), blocks.get(6).position());
        assertEquals(blocks.get(3).lines(), blocks.get(7).lines(), "registers after back and forth");
        assertEquals(blocks.get(4).lines(), blocks.get(8).lines(), "message registers after back and forth");
        assertTrue(blocks.get(4).text().contains("MR0 0x004c0001 (label 0x4c, u 1, t 0)"), blocks.get(4).text());
    }

    @Test
    @DisplayName("a code breakpoint at a symbol, instruction steps, and reverse steps to the same state")
    void codeBreakpointAndInstructions() throws IOException {
        List<Block> blocks = run("break main in fs2", "continue", "regs", "stepi 3", "reverse-stepi 3", "regs",
                "disas");
        assertEquals("breakpoint 1: 0x00010014 in fs2", blocks.get(0).lines().getFirst());
        assertEquals("stopped: breakpoint 1 at 0x00010014 in fs2", blocks.get(1).stop());
        assertTrue(blocks.get(1).position().contains("focus fs2 pc 0x00010014"), blocks.get(1).position());
        assertTrue(blocks.get(3).position().startsWith("position: instruction 233,"), blocks.get(3).position());
        assertEquals(blocks.get(1).position(), blocks.get(4).position());
        assertEquals(blocks.get(2).lines(), blocks.get(5).lines());
        assertTrue(blocks.get(6).lines().stream().anyMatch(l -> l.startsWith("=> 0x00010014")), blocks.get(6).text());
    }

    @Test
    @DisplayName("event breakpoints on kind, label, option and thread; continue past a breakpoint; reverse-continue")
    void eventBreakpoints() throws IOException {
        List<Block> blocks = run("break kind forward", "continue", "continue", "delete", "break option unblocking",
                "continue", "delete", "break thread fs2", "continue", "reverse-continue", "goto 226", "break label 0x4c",
                "continue");
        assertEquals("stopped: breakpoint 1 (kind forward) at event 175", blocks.get(1).stop());
        assertEquals("stopped: breakpoint 1 (kind forward) at event 183", blocks.get(2).stop());
        assertEquals("stopped: breakpoint 2 (option unblocking) at event 240", blocks.get(5).stop());
        assertTrue(blocks.get(8).stop().startsWith("stopped: breakpoint 3 (thread fs2) at event"), blocks.get(8).text());
        assertTrue(blocks.get(8).text().contains("fs2        deliver      receives from redirector (from client)"),
                blocks.get(8).text());
        assertEquals("stopped: back at the start of the run: no breakpoint stop before", blocks.get(9).stop());
        assertTrue(blocks.get(9).position().startsWith("position: instruction 0, event 143,"), blocks.get(9).position());
        assertEquals("stopped: after event 226", blocks.get(10).stop());
        assertTrue(blocks.get(10).position().contains("event 230,"), "the end of event 226's kernel step");
        assertTrue(blocks.get(12).stop().contains("(label 0x4c)"), blocks.get(12).text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("watch MR1 of pong: the kernel's delivery and pong's store stop, with who and what; back by reverse-continue")
    void watchpoints(String arch) throws IOException {
        String system = CommandLineRun.GUESTS.resolveSibling(arch).resolve("pingpong.xml").toString();
        List<Block> blocks = runOn(system, "thread pong", "watch 0xbff00004", "continue", "continue", "continue",
                "reverse-continue", "reverse-continue", "list", "threads", "break main in pong", "delete 1", "goto 0",
                "continue", "disas");
        assertEquals("watchpoint 1: watch 0xbff00004 in pong", blocks.get(1).lines().getFirst());
        assertEquals("stopped: watchpoint 1: kernel: IPC delivered to pong (receives from ping: label 0x1, MR1..1 = 0x1):"
                + " wrote watched 0xbff00004 (MR1 of pong) in pong, now 0x00000001", blocks.get(2).stop());
        assertTrue(blocks.get(3).stop().matches("stopped: watchpoint 1: pong wrote 0x0000000a to 0xbff00004 \\(MR1 of pong\\),"
                + " was 0x00000001 at pc 0x[0-9a-f]{8}"), blocks.get(3).stop());
        assertTrue(blocks.get(4).stop().contains("MR1..1 = 0x2)"), blocks.get(4).stop());
        assertEquals(blocks.get(3).position(), blocks.get(5).position(), "back at pong's store");
        assertEquals(blocks.get(3).stop().replace("stopped: ", "stopped: back at "), blocks.get(5).stop());
        assertEquals(blocks.get(2).position(), blocks.get(6).position(), "back at the delivery");
        assertTrue(blocks.get(6).position().matches(".* at (src|sdk)/[a-z0-9_/]+\\.h?c?:\\d+ .*"), blocks.get(6).position());
        assertTrue(blocks.get(7).text().matches("(?s)pong is at [a-z0-9_/.]+:\\d+:\n.*=> +\\d+  .*"), blocks.get(7).text());
        assertTrue(blocks.get(8).text().matches("(?s).* pong .* at [a-z0-9_/.]+:\\d+, \\d+ instructions.*"),
                blocks.get(8).text());
        assertTrue(blocks.get(12).stop().startsWith("stopped: breakpoint 2 at 0x"), blocks.get(12).text());
        assertTrue(blocks.get(12).position().contains("focus pong pc 0x") && blocks.get(12).position().contains(
                " at src/pong.c:7 "), blocks.get(12).position());
        assertTrue(blocks.get(13).lines().stream().anyMatch(l -> l.startsWith("=> 0x")), blocks.get(13).text());
        assertTrue(blocks.get(13).lines().getFirst().contains(arch.equals("arm") ? "(Thumb)" : "(IA-32)"),
                blocks.get(13).text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("a deadlock stops with the kernel's report of who waits for whom, the blocked threads can be "
            + "inspected and gone back over, and a move from there says the run has ended")
    void deadlock(String arch) throws IOException {
        String system = CommandLineRun.GUESTS.resolveSibling(arch).resolve("deadlock.xml").toString();
        List<Block> blocks = runOn(system, "continue", "threads", "stepi", "continue", "goto 0", "continue");
        List<String> report = blocks.get(0).lines().subList(blocks.get(0).lines().indexOf(blocks.get(0).stop()),
                blocks.get(0).lines().size() - 1);
        assertTrue(report.getFirst().matches("stopped: deadlock at \\d+ us: every thread is blocked with no timeout pending"),
                blocks.get(0).text());
        assertEquals(List.of("  left (0x00040001): receiving from right (0x00044001)",
                "  right (0x00044001): receiving from left (0x00040001)"), report.subList(1, report.size()));
        assertTrue(blocks.get(1).text().matches("(?s).* left +0x00040001 receiving .* right +0x00044001 receiving .*"),
                blocks.get(1).text());
        assertEquals("the run has ended (back, reverse-stepi and goto still work)", blocks.get(2).text());
        assertEquals("the run has ended (back, reverse-stepi and goto still work)", blocks.get(3).text());
        assertEquals(blocks.get(0).lines(), blocks.get(5).lines(), "the same stop after going back");
    }

    @Test
    @DisplayName("bad commands are one line each, the session goes on, and --batch then exits 1")
    void badCommands() throws IOException {
        List<Block> blocks = runExpecting(1, CommandLineRun.guest("pump.xml"), "frobnicate", "break thread",
                "break nosuchsymbol", "x zz", "x 0x10000 2147483647",
                "disas 0x10000 0", "goto -1", "goto zz", "delete zz", "break label zz", "mrs client zz", "next");
        assertEquals(List.of("l4emu: unknown command 'frobnicate' (try help)"), blocks.get(0).lines());
        assertEquals(List.of("l4emu: missing a value"), blocks.get(1).lines());
        assertEquals(List.of("l4emu: no symbol 'nosuchsymbol' in any task"), blocks.get(2).lines());
        assertEquals(List.of("l4emu: 'zz' is not an address"), blocks.get(3).lines());
        assertEquals(List.of("l4emu: at most 4096 at once"), blocks.get(4).lines());
        assertEquals(List.of("l4emu: a count must be positive"), blocks.get(5).lines());
        assertEquals(List.of("l4emu: '-1' is not an event number"), blocks.get(6).lines());
        assertEquals(List.of("l4emu: 'zz' is not an event number"), blocks.get(7).lines());
        assertEquals(List.of("l4emu: 'zz' is not a breakpoint number"), blocks.get(8).lines());
        assertEquals(List.of("l4emu: 'zz' is not a label"), blocks.get(9).lines());
        assertEquals(List.of("l4emu: 'zz' is not a count"), blocks.get(10).lines());
        assertEquals("stopped: IPC event 162", blocks.get(11).stop());
    }

    @Test
    @DisplayName("--batch exits 1 when one --eval command failed, even after a good one or quit; 0 when all ran")
    void batchExitCode() {
        String system = CommandLineRun.guest("pump.xml");
        CommandLineRun failed = CommandLineRun.of("step", "--batch", "-e", "thread nosuchthread", "-e", "next", system);
        assertEquals(1, failed.exitCode(), failed.out());
        assertTrue(failed.out().contains("stopped: IPC event 162"),
                "the command after the failed one ran: " + failed.out());
        CommandLineRun quit = CommandLineRun.of("step", "--batch", "-e", "frobnicate", "-e", "quit", "-e", "next", system);
        assertEquals(1, quit.exitCode(), quit.out());
        assertFalse(quit.out().contains("(step) next"), quit.out());
        assertEquals(0, CommandLineRun.of("step", "--batch", "-e", "next", "-e", "quit", system).exitCode());
    }
}
