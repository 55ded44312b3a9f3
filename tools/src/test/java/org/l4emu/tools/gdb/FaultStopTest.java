package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
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
 */
class FaultStopTest {
    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("an unresolved fault stops the run with SIGSEGV in the faulting thread; continuing runs the rest")
    void faultIsReported(String arch) throws Exception {
        Path system = ScriptedSession.guest(arch, "fault.xml");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> replies = ScriptedSession.replies(system, List.of("c", "?", "qThreadStopInfo1",
                "qThreadExtraInfo,1", "c"), console);

        assertEquals("T0bthread:1;", replies.get(0), replies.toString());
        assertEquals("T0bthread:1;", replies.get(1), replies.toString());
        assertEquals("T0bthread:1;", replies.get(2), replies.toString());
        assertEquals(Hex.text("faulty in task faulty, stopped"), replies.get(3), replies.toString());
        assertEquals("W00", replies.get(4), replies.toString());
        assertEquals(CommandLineRun.of("boot", system.toString()).out(), console.toString(StandardCharsets.UTF_8));
    }
}
