package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md S6 as amended (issue 12 item 4), through guest-programs/src/s6_fault_policy.c:
 * fault IPC obeys allow rules and redirection, the kernel keeps the fault message, and the
 * handler's reply leaves the faulting thread's MRs as they were.
 */
@DisplayName("S6 Fault IPC on the thread's behalf")
class S6FaultPolicyTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s6_fault_policy.xml");
    }

    @Test
    @DisplayName("S6, P1: forged Pager and ExceptionHandler words cannot send past allow rules; the fault stays unresolved")
    void allowRulesBindFaultIpc() {
        assertLine(run, "S6 the victim, named by forged Pager and ExceptionHandler words of a task confined by allow"
                + " rules, receives nothing: error 1 (timeout), phase receive");
        assertLine(run, "S6 confined, whose fault IPC P1 forbids, is stopped: a closed wait on it: error 2 (no partner),"
                + " phase receive");
        assertLine(run, "S6 confined.raiser, whose exception IPC P1 forbids, is stopped: a closed wait on it: error 2"
                + " (no partner), phase receive");
        assertTrue(run.log().contains("thread confined (0x"), run.log());
    }

    @Test
    @DisplayName("S6, R2, P1: a fault IPC a redirect rule routes goes to the monitor, which decides")
    void redirectionAppliesToFaultIpc() {
        assertLine(run, "S6 gate: label 0xffe4 from gated, redirected yes, intended receiver victim");
        assertLine(run, "S6 gated, whose fault IPC its monitor refused, is stopped: a closed wait on it: error 2"
                + " (no partner), phase receive");
        assertLine(run, "S6 mon: label 0xffe4 from watched, redirected yes, intended receiver pagerd, MR1 0x50000000,"
                + " kernel flag yes");
        assertLine(run, "S6 pagerd: label 0xffe4 from watched, dope 0x0, MR1 0x50000000, page fault yes");
        assertLine(run, "S6 watched, whose fault went through mon to pagerd, reads pagerd's page (0x5600d001): 1442893825");
    }

    @Test
    @DisplayName("S6: the reply leaves every MR of the faulting thread as it was, also words a sibling wrote meanwhile")
    void repliesLeaveMessageRegisters() {
        assertLine(run, "S6 watched's MRs after the reply are as they were: its meddler's MR0..MR2, its own MR3..MR63: yes");
    }

    @Test
    @DisplayName("S6: with --stop-on-fault, a fault IPC that P1 forbids ends the run with exit code 4")
    void stopOnFault() {
        GuestRun stopped = GuestRun.boot("s6_fault_policy.xml", "--stop-on-fault");
        assertEquals(ExitCode.UNHANDLED_FAULT, stopped.exitCode(), stopped.log());
        assertTrue(stopped.log().contains("thread confined (0x"), stopped.log());
    }

    @Test
    @DisplayName("S6: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S6");
    }
}
