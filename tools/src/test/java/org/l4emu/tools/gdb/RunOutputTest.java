package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.emulator.elf.ElfImage;
import org.l4emu.kernel.run.ConsoleOutputException;
import org.l4emu.tools.CommandLineRun;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.TraceEvent;

/**
 * Under {@code l4emu gdb} the guests print what they print under {@code l4emu boot}, each line
 * once: stopping at breakpoints and going back and forward over the same output changes nothing.
 */
class RunOutputTest {
    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("continued to the end, the guest prints what it prints when booted")
    void continuedToTheEnd(String arch) throws Exception {
        assertSameOutput(arch, "hello.elf", List.of("c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("stopping at a breakpoint, going back over printed lines and forward again prints each line once")
    void reverseAndForward(String arch) throws Exception {
        int print = ElfImage.read(ScriptedSession.guest(arch, "ping.elf")).symbol("l4_printf").orElseThrow();
        String breakpoint = Integer.toHexString(print) + "," + (arch.equals("arm") ? 4 : 1);
        assertSameOutput(arch, "pingpong.xml", List.of("Z0," + breakpoint, "c", "c", "c", "bc", "bc", "c", "c",
                "z0," + breakpoint, "c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("detached at a breakpoint, the guests run on to the end and print the rest")
    void detached(String arch) throws Exception {
        Path system = ScriptedSession.guest(arch, "pingpong.xml");
        int print = ElfImage.read(ScriptedSession.guest(arch, "ping.elf")).symbol("l4_printf").orElseThrow();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> replies = ScriptedSession.replies(system, List.of("Z0," + Integer.toHexString(print) + ","
                + (arch.equals("arm") ? 4 : 1), "c", "D"), consoleOnly(console));

        assertEquals("OK", replies.get(2), replies.toString());
        assertEquals(CommandLineRun.of("boot", system.toString()).out(), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("standard output that cannot take the console is the one-line failure of l4emu boot's, not an internal error")
    void unwritableConsole() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        RunOutput output = new RunOutput(closed, new PrintWriter(Writer.nullWriter()));
        TraceEvent printed = new TraceEvent(0, 0, 0, EventKind.CONSOLE, null,
                new EventDetail.Console("hello".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ConsoleOutputException.class, () -> output.event(printed));
    }

    private static void assertSameOutput(String arch, String system, List<String> packets) throws Exception {
        Path file = ScriptedSession.guest(arch, system);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> replies = ScriptedSession.replies(file, packets, consoleOnly(console));

        CommandLineRun booted = CommandLineRun.of("boot", file.toString());
        assertEquals(booted.out(), console.toString(StandardCharsets.UTF_8), replies.toString());
        assertEquals("W" + String.format("%02x", booted.exitCode()), replies.get(packets.size() - 1), replies.toString());
    }

    private static RunOutput consoleOnly(ByteArrayOutputStream console) {
        return new RunOutput(console, new PrintWriter(Writer.nullWriter()));
    }
}
