package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code l4emu boot} on the project's guest programs: console output and exit codes (ABI section 4). */
class BootCommandTest {
    @Test
    @DisplayName("pingpong prints the whole exchange and exits 0")
    void pingPong() {
        CommandLineRun run = CommandLineRun.of("boot", "--quiet", CommandLineRun.guest("pingpong.xml"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(String.join("\n",
                "ping: call 1", "pong: got 1 from ping", "ping: reply 10",
                "ping: call 2", "pong: got 2 from ping", "ping: reply 20",
                "ping: call 3", "pong: got 3 from ping", "ping: reply 30",
                "ping: call 4", "pong: got 4 from ping", "ping: reply 40",
                "ping: call 5", "pong: got 5 from ping", "ping: reply 50",
                "ping: done", ""), run.out());
        assertEquals("", run.err(), "--quiet leaves standard error empty");
    }

    @Test
    @DisplayName("the same image and options give the same output, byte for byte")
    void deterministic() {
        CommandLineRun first = CommandLineRun.of("boot", CommandLineRun.guest("server.xml"));
        CommandLineRun second = CommandLineRun.of("boot", CommandLineRun.guest("server.xml"));
        assertEquals(first, second);
    }

    @Test
    @DisplayName("a single ELF boots as one task and exits 0 when its thread exits")
    void singleElf() {
        CommandLineRun run = CommandLineRun.of("boot", CommandLineRun.guest("hello.elf"));
        assertEquals(0, run.exitCode());
        assertEquals("hello from l4emu\n", run.out());
        assertTrue(run.err().contains("every thread has exited"), run.err());
    }

    @Test
    @DisplayName("a Thumb entry point (bit 0 set) starts in Thumb state")
    void thumb() {
        CommandLineRun run = CommandLineRun.of("boot", CommandLineRun.guest("hello_thumb.elf"));
        assertEquals(0, run.exitCode());
        assertEquals("hello from l4emu\n", run.out());
    }

    @Test
    @DisplayName("a guest written only against docs/abi.md, in assembly without l4.h, runs")
    void rawAbi() {
        CommandLineRun run = CommandLineRun.of("boot", CommandLineRun.guest("abi_raw.elf"));
        assertEquals(0, run.exitCode());
        assertTrue(run.out().endsWith("abi ok\n"), run.out());
    }

    @Test
    @DisplayName("shutdown(code) ends the run with that exit code")
    void shutdownCode() {
        CommandLineRun run = CommandLineRun.of("boot", CommandLineRun.guest("shutdown.elf"));
        assertEquals(7, run.exitCode());
        assertEquals("shutdown: exit code 7\n", run.out());
    }

    @Test
    @DisplayName("deadlock exits 3 and reports who waits for whom")
    void deadlock() {
        CommandLineRun run = CommandLineRun.of("boot", CommandLineRun.guest("deadlock.xml"));
        assertEquals(3, run.exitCode());
        assertEquals(java.util.List.of(
                "l4emu: deadlock at 6 us: every thread is blocked with no timeout pending",
                "  left (0x00040001): receiving from right (0x00044001)",
                "  right (0x00044001): receiving from left (0x00040001)"), run.errLines());
    }

    @Test
    @DisplayName("an unresolved fault stops the thread and the rest runs on")
    void faultStopsThread() {
        CommandLineRun run = CommandLineRun.of("boot", CommandLineRun.guest("fault.xml"));
        assertEquals(0, run.exitCode());
        assertEquals("fault: writing to address 0\nhello from l4emu\n", run.out());
        assertTrue(run.err().contains("thread faulty (0x00040001) faulted at 1 us: page fault: write access at 0x00000000"),
                run.err());
    }

    @Test
    @DisplayName("--stop-on-fault ends the run with exit code 4 at the first unresolved fault")
    void stopOnFault() {
        CommandLineRun run = CommandLineRun.of("boot", "--stop-on-fault", CommandLineRun.guest("fault.xml"));
        assertEquals(4, run.exitCode());
        assertEquals("fault: writing to address 0\n", run.out());
    }

    @Test
    @DisplayName("sigma0 serves declared memory zero-filled on demand and refuses the rest")
    void sigma0Memory() {
        CommandLineRun run = CommandLineRun.of("boot", CommandLineRun.guest("memory.xml"));
        assertEquals("memory: region reads as zero: yes\nmemory: written values read back: 3072\n"
                + "memory: touching 0x40003000, outside the region\n", run.out());
        assertTrue(run.err().contains("page fault: write access at 0x40003000"), run.err());
    }

    @Test
    @DisplayName("the virtual-time limit ends a run with exit code 124 exactly at the limit")
    void timeLimit() {
        CommandLineRun run = CommandLineRun.of("boot", "--max-time-us=2000", CommandLineRun.guest("spin.elf"));
        assertEquals(124, run.exitCode());
        assertTrue(run.err().contains("virtual time limit of 2000 us reached"), run.err());
    }

    @Test
    @DisplayName("the instruction limit ends a run with exit code 124")
    void instructionLimit() {
        CommandLineRun run = CommandLineRun.of("boot", "--max-instructions=100000", CommandLineRun.guest("spin.elf"));
        assertEquals(124, run.exitCode());
        assertTrue(run.err().contains("instruction limit of 100000 reached"), run.err());
    }

    @Test
    @DisplayName("--help on every command exits 0 and shows the exit codes")
    void help() {
        CommandLineRun boot = CommandLineRun.of("boot", "--help");
        assertEquals(0, boot.exitCode());
        assertTrue(boot.out().contains("124"), boot.out());
        assertEquals(0, CommandLineRun.of("--help").exitCode());
    }
}
