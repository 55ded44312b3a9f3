package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md S6 and S5, docs/abi.md section 2.5 (fault replies), through
 * guest-programs/src/s6_exception_reply.c: a map item in the reply to an exception goes through
 * the faulting thread's own receive window; only page-fault replies map anywhere.
 */
@DisplayName("S6 Mappings in an exception reply")
class S6ExceptionReplyTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s6_exception_reply.xml");
    }

    @Test
    @DisplayName("S6, S5: with a nil window the reply fails with 4 for the handler and the exception stays unresolved")
    void nilWindow() {
        assertLine(run, "S6 the handler receives the udf: 1");
        assertLine(run, "S6 exception reply with a map item to a thread whose window is nil: error 4 (message overflow),"
                + " phase send");
        assertTrue(run.log().contains("thread client (0x"), run.log());
    }

    @Test
    @DisplayName("S6, S5: with a window the page lands in the window, not at the send base, and the thread resumes")
    void throughTheWindow() {
        assertLine(run, "S6 exception reply with a map item to a thread with a one-page window: no error");
        assertLine(run, "S6 the thread resumed after the udf: yes");
        assertLine(run, "S6 the page landed in the window: the thread reads it there without a fault: yes");
        assertLine(run, "S6 nothing landed at the send base: reading it page faults: yes");
    }

    @Test
    @DisplayName("S6: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S6");
    }
}
