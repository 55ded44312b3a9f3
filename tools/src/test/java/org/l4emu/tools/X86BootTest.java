package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code l4emu boot} of the x86 builds of the demos prints what the ARM builds print. */
class X86BootTest {
    private static final Path X86_GUESTS = CommandLineRun.GUESTS.resolveSibling("x86");
    /** Virtual time counts instructions, and the two instruction sets need different numbers of them. */
    private static final String VIRTUAL_TIME = "(client: time: log \\d+ completed at )\\d+( us)";

    @Test
    @DisplayName("pingpong on x86 prints exactly what it prints on arm")
    void pingPong() {
        CommandLineRun arm = boot(CommandLineRun.guest("pingpong.xml"));
        CommandLineRun x86 = boot(X86_GUESTS.resolve("pingpong.xml").toString());
        assertEquals(0, x86.exitCode(), x86.err());
        assertEquals(arm.out(), x86.out());
        assertTrue(x86.out().endsWith("ping: done\n"), x86.out());
    }

    @Test
    @DisplayName("the pump on x86 prints what it prints on arm, but for the virtual times of completion")
    void pump() {
        CommandLineRun arm = boot(CommandLineRun.guest("pump.xml"));
        CommandLineRun x86 = boot(X86_GUESTS.resolve("pump.xml").toString());
        assertEquals(arm.exitCode(), x86.exitCode(), x86.err());
        assertEquals(arm.out().replaceAll(VIRTUAL_TIME, "$1T$2"), x86.out().replaceAll(VIRTUAL_TIME, "$1T$2"));
        assertTrue(x86.out().contains("client: log 5: no error, completed in pump period 5"), x86.out());
    }

    @Test
    @DisplayName("the x86 guest written only against docs/abi.md, in assembly without l4.h, runs")
    void rawAbi() {
        CommandLineRun run = boot(X86_GUESTS.resolve("abi_raw.elf").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().endsWith("abi ok\n"), run.out());
    }

    private static CommandLineRun boot(String image) {
        return CommandLineRun.of("boot", "--quiet", image);
    }
}
