package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.ArmOnly;
import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md S6 (page faults and exceptions as IPC), through guest-programs/src/s6_pager.c. */
@DisplayName("S6 Page faults become IPC")
class S6PageFaultsTest {
    private static final Pattern ORPHAN_REPORT = Pattern.compile("(?m)^l4emu: thread orphan \\(0x00044001\\) faulted"
            + " at \\d+ us: page fault: read access at 0x60000000 \\(ip 0x[0-9a-f]{8}\\), no pager resolved it$");
    private static final Pattern STRAY_REPORT = Pattern.compile("(?m)^l4emu: thread stray \\(0x00048001\\) faulted"
            + " at \\d+ us: undefined instruction at ip 0x[0-9a-f]{8} \\(address 0x[0-9a-f]{8}\\)$");

    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s6_pager.xml");
    }

    @Test
    @DisplayName("S6: a page fault reaches the pager as label 0xFFE0 | rwx with the kernel flag, MR1 the address, MR2 the ip")
    void pageFaultMessage() {
        assertLine(run, "S6 a read in the client's window: the pager receives page faults: 1, MR0 0xffe48002, MR1 0x60000000");
        assertLine(run, "S6 MR2 is the ip of the client's read: yes");
        assertLine(run, "S6 a write to the page the pager mapped read-only: page faults: 1, MR0 0xffe28002,"
                + " MR1 0x60000004");
        assertLine(run, "S6 a call into an unmapped page: page faults: 1, MR0 0xffe18002, MR1 0x60002000");
        assertLine(run, "S6 an instruction fetch's fault ip is the fault address: yes");
    }

    @Test
    @DisplayName("S6: the pager's reply maps pages of its own memory, which sigma0 serves it, placed by send base")
    void pagerServesFromItsOwnMemory() {
        assertLine(run, "S6 the client reads what the pager put there: 0xc0de0000");
        assertLine(run, "S6 the pager sees the client's write in its own page: 0x600d0000");
        assertLine(run, "S6 the client runs the code the pager mapped and gets: 42");
        assertLine(run, "S6 a read in the wide part: page faults: 1, MR0 0xffe48002, MR1 0x60004000");
        assertLine(run, "S6 the reply mapped a 16 KiB fpage at the send base: page faults reading its last page: 0");
        assertLine(run, "S6 and the client reads: 0xc0de0007");
    }

    @Test
    @DisplayName("S6: the faulting thread's message registers are the same after the fault IPC")
    void messageRegistersSurvive() {
        assertLine(run, "S6 the client's MR0..MR8 are the same after its page fault: yes");
    }

    @Test
    @DisplayName("S6: an undefined instruction (udf) reaches the exception handler as label 0xFFC0, code 1; "
            + "a reply with ip and sp resumes the thread")
    void undefinedInstruction() {
        assertExceptionCase("udf", 1, "MR4 is the instruction's address");
    }

    @Test
    @ArmOnly("x86 raises no alignment faults")
    @DisplayName("S6: an alignment fault (unaligned ldrex) reaches the exception handler with code 2 and the address")
    void alignmentFault() {
        assertExceptionCase("unaligned ldrex", 2, "MR4 is the unaligned address, on the stack");
    }

    @Test
    @DisplayName("S6: a breakpoint (bkpt) reaches the exception handler with code 5")
    void breakpoint() {
        assertExceptionCase("bkpt", 5, "MR4 is the instruction's address");
    }

    private static void assertExceptionCase(String name, int code, String addressLine) {
        assertLine(run, "S6 " + name + ": the exception handler receives: 1, MR0 0xffc08004, MR3 " + code);
        assertLine(run, "S6 " + name + ": MR1 is the instruction's address: yes");
        assertLine(run, "S6 " + name + ": MR2 is the client's stack pointer: yes");
        assertLine(run, "S6 " + name + ": " + addressLine + ": yes");
        assertLine(run, "S6 " + name + ": the client resumes after it with MR0..MR8 intact: yes");
    }

    @Test
    @DisplayName("S6: exchange_registers on a thread waiting for its pager ends the fault IPC and sets it going")
    void exchangeRegistersRedirectsAFaultingThread() {
        assertLine(run, "S6 a fault the pager will not serve: it arrives: yes");
        assertLine(run, "S6 exchange_registers sets the faulting thread's sp and ip: 0");
        assertLine(run, "S6 and the thread goes on at the new ip, not stopped: yes");
    }

    @Test
    @DisplayName("S6: a fault whose pager is gone, or with no exception handler, stops the thread with a report")
    void unresolvedFaultsStopTheThread() {
        assertTrue(ORPHAN_REPORT.matcher(run.log()).find(), () -> "no report of orphan's fault in\n" + run.log());
        assertTrue(STRAY_REPORT.matcher(run.log()).find(), () -> "no report of stray's exception in\n" + run.log());
        assertLine(run, "orphan: reading 0x60000000, whose pager has exited");
        assertTrue(!run.console().contains("unreachable"), () -> "a faulting thread went on:\n" + run.console());
    }

    @Test
    @DisplayName("S6: with --stop-on-fault the first unresolved fault ends the run with exit code 4")
    void stopOnFault() {
        GuestRun stopped = GuestRun.boot("s6_pager.xml", "--stop-on-fault");
        assertEquals(ExitCode.UNHANDLED_FAULT, stopped.exitCode(), stopped::log);
        assertTrue(ORPHAN_REPORT.matcher(stopped.log()).find(), stopped::log);
        assertTrue(!stopped.console().contains("S6 verdict"), stopped::console);
    }

    @Test
    @DisplayName("S6: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S6");
    }
}
