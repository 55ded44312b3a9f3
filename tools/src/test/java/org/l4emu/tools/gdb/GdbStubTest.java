package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.l4emu.emulator.elf.ElfImage;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.tools.CommandLineRun;
import org.l4emu.tools.replay.EventListener;
import org.l4emu.tools.replay.Replay;

/**
 * {@code l4emu gdb} with the real gdb-multiarch in batch mode, on ARM code, Thumb code and x86:
 * breakpoints, stepping, registers, memory, watchpoints forward, reverse-continue to the last
 * write, and the kernel writing a watched UTCB word.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GdbStubTest {
    static final Path ARM = CommandLineRun.GUESTS;
    static final Path X86 = CommandLineRun.GUESTS.resolveSibling("x86");

    @Test
    @DisplayName("ARM code: a breakpoint at a symbol, continued over to it again, registers, stepi and reverse-stepi")
    void armCode() throws Exception {
        Path ping = ARM.resolve("ping.elf");
        int print = ElfImage.read(ping).symbol("l4_printf").orElseThrow();
        DebuggerRun run = DebuggerRun.gdb(ping, List.of("info threads", "break l4_printf", "continue",
                "printf \"PC=%x\\n\", $pc", "printf \"R0=%x\\n\", $r0", "stepi", "printf \"PC=%x\\n\", $pc", "stepi",
                "printf \"PC=%x\\n\", $pc", "reverse-stepi", "printf \"PC=%x\\n\", $pc", "reverse-stepi",
                "printf \"PC=%x\\n\", $pc", "continue", "printf \"R0=%x\\n\", $r0", "info registers cpsr"),
                "--task", "ping", ARM.resolve("pingpong.xml").toString());

        assertTrue(run.contains("Thread 1 \"ping\""), run.output());
        assertTrue(run.contains("Thread 2 \"pong\""), run.output());
        assertTrue(run.contains("hit Breakpoint 1, l4_printf"), run.output());
        String at = Integer.toHexString(print);
        assertEquals(List.of(at, Integer.toHexString(print + 4), Integer.toHexString(print + 8),
                Integer.toHexString(print + 4), at), run.values("PC"), run.output());
        List<String> r0 = run.values("R0");
        assertEquals(2, r0.size(), run.output());
        assertTrue(Integer.parseUnsignedInt(r0.getFirst(), 16) > 0x10000, "r0 holds the text's address: " + run.output());
        assertTrue(run.output().split("hit Breakpoint 1, l4_printf").length > 2, "stopped there again: " + run.output());
        assertTrue(run.contains("cpsr           0x"), run.output());
    }

    @Test
    @DisplayName("Thumb code (pong): breakpoint, stepi by 2 or 4 bytes, memory, watch with a kernel write, reverse-continue, rwatch")
    void thumbCode() throws Exception {
        int mr1 = utcbOf(ARM.resolve("pingpong.xml"), "pong") + 4;
        String word = "*(int*)0x" + Integer.toHexString(mr1);
        DebuggerRun run = DebuggerRun.gdb(ARM.resolve("pong.elf"), List.of("break main", "continue",
                "printf \"PC=%x\\n\", $pc", "printf \"CPSR=%x\\n\", $cpsr", "stepi", "printf \"PC=%x\\n\", $pc",
                "x/2xw $sp", "watch " + word, "continue", "continue", "printf \"PC=%x\\n\", $pc", "reverse-continue",
                "printf \"PC=%x\\n\", $pc", "printf \"MR1=%x\\n\", " + word, "delete", "rwatch " + word, "continue",
                "printf \"MR1=%x\\n\", " + word), "--task", "pong", ARM.resolve("pingpong.xml").toString());

        assertTrue(run.contains("hit Breakpoint 1, main"), run.output());
        List<String> pcs = run.values("PC");
        int main = Integer.parseInt(pcs.get(0), 16);
        int step = Integer.parseInt(pcs.get(1), 16) - main;
        assertTrue(step == 2 || step == 4, "a Thumb instruction is 2 or 4 bytes: " + run.output());
        assertTrue((Integer.parseUnsignedInt(run.values("CPSR").getFirst(), 16) & 0x20) != 0, "CPSR.T: " + run.output());
        assertTrue(run.output().matches("(?s).*0xbfe[0-9a-f]{5}:\\s+0x[0-9a-f]{8}\\s+0x[0-9a-f]{8}.*"), run.output());
        assertTrue(run.contains("kernel: IPC delivered to pong (receives from ping"), run.output());
        assertTrue(run.contains("Old value = 0\nNew value = 1\n"), run.output());
        assertTrue(run.contains("Old value = 1\nNew value = 10\n"), run.output());
        assertTrue(run.contains("Old value = 10\nNew value = 1\n"), "reverse-continue undid pong's store: " + run.output());
        int afterStore = Integer.parseInt(pcs.get(2), 16);
        int atStore = Integer.parseInt(pcs.get(3), 16);
        assertTrue(afterStore - atStore == 2 || afterStore - atStore == 4,
                "back at the store instruction, before it ran: " + run.output());
        assertEquals(List.of("1", "2"), run.values("MR1"), run.output());
        assertTrue(run.contains("hit Hardware read watchpoint 3"), run.output());
    }

    @Test
    @DisplayName("x86: breakpoint, stepi, registers, memory, watch with a kernel write, reverse-continue, awatch")
    void x86() throws Exception {
        int mr1 = utcbOf(X86.resolve("pingpong.xml"), "pong") + 4;
        String word = "*(int*)0x" + Integer.toHexString(mr1);
        DebuggerRun run = DebuggerRun.gdb(X86.resolve("pong.elf"), List.of("info threads", "break main", "continue",
                "printf \"PC=%x\\n\", $pc", "stepi", "printf \"PC=%x\\n\", $pc", "info registers eip esp eflags",
                "x/2xw $esp", "watch " + word, "continue", "continue", "printf \"PC=%x\\n\", $pc", "reverse-continue",
                "printf \"PC=%x\\n\", $pc", "printf \"MR1=%x\\n\", " + word, "delete", "awatch " + word, "continue",
                "continue"), "--task", "pong", X86.resolve("pingpong.xml").toString());

        assertTrue(!run.contains("internal error") && !run.contains("arm"), run.output());
        assertTrue(run.contains("Thread 2 \"pong\" hit Breakpoint 1, main"), run.output());
        assertTrue(run.output().matches("(?s).*eip\\s+0x[0-9a-f]+\\s+0x[0-9a-f]+ <main\\+\\d+>.*"), run.output());
        assertTrue(run.output().matches("(?s).*0xbfe[0-9a-f]{5}:\\s+0x[0-9a-f]{8}\\s+0x[0-9a-f]{8}.*"), run.output());
        assertTrue(run.contains("kernel: IPC delivered to pong (receives from ping"), run.output());
        assertTrue(run.contains("Old value = 0\nNew value = 1\n"), run.output());
        assertTrue(run.contains("Old value = 1\nNew value = 10\n"), run.output());
        assertTrue(run.contains("Old value = 10\nNew value = 1\n"), run.output());
        List<String> pcs = run.values("PC");
        assertTrue(Integer.parseInt(pcs.get(2), 16) > Integer.parseInt(pcs.get(3), 16),
                "back before the store: " + run.output());
        assertEquals(List.of("1"), run.values("MR1"), run.output());
        assertTrue(run.contains("hit Hardware access (read/write) watchpoint 3"), run.output());
    }

    /** The UTCB address of {@code task}'s first thread. */
    static int utcbOf(Path system, String task) throws Exception {
        BootOptions options = new BootOptions(BootOptions.FROM_DESCRIPTION, BootOptions.UNLIMITED, false, true);
        try (Replay replay = Replay.open(system, options, event -> { })) {
            return replay.view().threads().task(task).firstThread().utcbAddress();
        }
    }
}
