package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.tools.CommandLineRun;

/**
 * A fault nothing resolves stops the thread (the kernel's policy, S6): the debugger is told, as
 * SIGSEGV in that thread, and continuing lets the others run on as they do without a debugger.
 * The kernel's report of the fault is printed as without a debugger, once, however often the
 * run is replayed.
 */
class FaultStopTest {
    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("an unresolved fault stops the run with SIGSEGV in the faulting thread, again after going back; "
            + "continuing runs the rest, and the run prints what 'l4emu boot' prints, the kernel's report once")
    void faultIsReported(String arch) throws Exception {
        Path system = ScriptedSession.guest(arch, "fault.xml");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StringWriter messages = new StringWriter();
        List<String> replies = ScriptedSession.replies(system, List.of("c", "?", "qThreadStopInfo1",
                "qThreadExtraInfo,1", "bs", "bc", "c", "c"), new RunOutput(console, new PrintWriter(messages)));

        assertEquals("T0bthread:1;", replies.get(0), replies.toString());
        assertEquals("T0bthread:1;", replies.get(1), replies.toString());
        assertEquals("T0bthread:1;", replies.get(2), replies.toString());
        assertEquals(Hex.text("faulty in task faulty, stopped"), replies.get(3), replies.toString());
        assertEquals("T0bthread:1;", replies.get(6), "the fault again after going back: " + replies);
        assertEquals("W00", replies.get(7), replies.toString());
        CommandLineRun booted = CommandLineRun.of("boot", system.toString());
        assertEquals(booted.out(), console.toString(StandardCharsets.UTF_8));
        String report = booted.err().lines().filter(line -> line.contains("faulted")).findFirst().orElseThrow();
        assertEquals(report + "\n", messages.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("stepping the thread the fault stopped lets the others run on, as a continue, instead of standing "
            + "still; stepping the faulting instruction is SIGSEGV")
    void stepAfterTheFault(String arch) throws Exception {
        List<String> replies = ScriptedSession.replies(ScriptedSession.guest(arch, "fault.xml"),
                List.of("c", "vCont;S0b:1", "bs", "s", "s"));

        assertEquals("T0bthread:1;", replies.get(0), replies.toString());
        assertEquals("W00", replies.get(1), replies.toString());
        assertEquals("T05thread:1;", replies.get(3), "at the faulting instruction: " + replies);
        assertEquals("T0bthread:1;", replies.get(4), "the step of the faulting instruction: " + replies);
    }
}
