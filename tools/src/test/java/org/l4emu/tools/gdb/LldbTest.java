package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** lldb ({@code gdb-remote}) against {@code l4emu gdb}: breakpoints, steps, registers and a watchpoint, on arm (Thumb) and x86. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LldbTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("lldb breaks at main, reads registers, steps an instruction, and stops at a watched write by the kernel and by pong")
    void lldb(String arch) throws Exception {
        Path guests = arch.equals("arm") ? GdbStubTest.ARM : GdbStubTest.X86;
        Path system = guests.resolve("pingpong.xml");
        String pc = arch.equals("arm") ? "pc" : "eip";
        int mr1 = GdbStubTest.utcbOf(system, "pong") + 4;
        DebuggerRun run = DebuggerRun.lldb(guests.resolve("pong.elf"), List.of("breakpoint set -n main", "continue",
                "register read " + pc, "thread step-inst", "register read " + pc, "thread list",
                "watchpoint set expression -w write -s 4 -- 0x" + Integer.toHexString(mr1), "continue", "continue"),
                "--task", "pong", system.toString());

        assertTrue(run.contains("stop reason = breakpoint 1.1"), run.output());
        assertTrue(run.output().matches("(?s).*" + pc + " = 0x[0-9a-f]{8}  pong.elf`main.*"), run.output());
        assertTrue(run.contains("stop reason = instruction step into"), run.output());
        assertTrue(run.contains("thread #1: tid = 0x0001") && run.contains("thread #2: tid = 0x0002"), run.output());
        assertTrue(run.contains("kernel: IPC delivered to pong"), run.output());
        assertTrue(run.contains("old value: 0\nnew value: 1"), run.output());
        assertTrue(run.contains("old value: 1\nnew value: 10"), run.output());
        assertTrue(run.contains("stop reason = watchpoint 1"), run.output());
    }
}
