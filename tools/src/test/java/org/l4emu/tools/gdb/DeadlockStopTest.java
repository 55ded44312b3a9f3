package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.tools.CommandLineRun;

/**
 * A deadlock (every thread blocked, no timeout pending) is what a student most wants to look at:
 * the debugger stops there (SIGSTOP, in the thread whose call closed the cycle), the blocked
 * threads can be inspected and the run gone back over, and only a move from there ends the run
 * with the deadlock's exit code, as 'l4emu boot' ends it. The kernel's report is printed once.
 */
class DeadlockStopTest {
    /** deadlock.xml: "left" (thread 1) and "right" (thread 2) each receive from the other; right blocks last. */
    private static final String RIGHT_STOPS = "T11thread:2;";

    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("a deadlock stops the run with SIGSTOP, again after going back; the blocked threads can be "
            + "inspected, a continue from there exits with code 3, and the kernel's report is printed once")
    void deadlockIsAStop(String arch) throws Exception {
        Path system = ScriptedSession.guest(arch, "deadlock.xml");
        StringWriter messages = new StringWriter();
        List<String> replies = ScriptedSession.replies(system, List.of("c", "?", "qThreadStopInfo2",
                "qfThreadInfo", "qThreadExtraInfo,1", "Hg1", "g", "bs", "c", "c"),
                new RunOutput(OutputStream.nullOutputStream(), new PrintWriter(messages)));

        assertEquals(RIGHT_STOPS, replies.get(0), replies.toString());
        assertEquals(RIGHT_STOPS, replies.get(1), replies.toString());
        assertEquals(RIGHT_STOPS, replies.get(2), replies.toString());
        assertEquals("m1,2", replies.get(3), replies.toString());
        assertEquals(Hex.text("left in task left, receiving"), replies.get(4), replies.toString());
        assertTrue(replies.get(6).matches("\\p{XDigit}+"), "left's registers: " + replies);
        assertEquals("T05thread:1;", replies.get(7), "back one instruction of left, the thread selected: " + replies);
        assertEquals(RIGHT_STOPS, replies.get(8), "the deadlock again after going back: " + replies);
        assertEquals("W03", replies.get(9), replies.toString());
        String report = CommandLineRun.of("boot", system.toString()).err();
        assertEquals(report.substring(report.indexOf("l4emu: deadlock")), messages.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("stepping into the deadlock stops with SIGSTOP in the stepped thread; a step from there exits with 3")
    void stepIntoTheDeadlock(String arch) throws Exception {
        List<String> replies = ScriptedSession.replies(ScriptedSession.guest(arch, "deadlock.xml"),
                List.of("c", "bs", "vCont;s:2", "vCont;s:1"));

        assertEquals(RIGHT_STOPS, replies.get(2), "the step of right's blocking call: " + replies);
        assertEquals("W03", replies.get(3), replies.toString());
    }
}
