package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md P3 (per-task quotas), through guest-programs/src/p3_quotas.c and task_exhaustion.c. */
@DisplayName("P3 Quotas bound kernel memory")
class P3QuotasTest {
    private static final Pattern GREEDY_REPORT = Pattern.compile("(?m)^l4emu: thread greedy \\(0x00048001\\) faulted"
            + " at \\d+ us: page fault: write access at 0x400[0-9a-f]{2}000 \\(ip 0x[0-9a-f]{8}\\), no pager resolved it$");
    private static final Pattern TIGHT_REPORT = Pattern.compile("(?m)^l4emu: thread tight \\(0x00044001\\) faulted"
            + " at \\d+ us: page fault: read access at 0x600[0-9a-f]{2}000 \\(ip 0x[0-9a-f]{8}\\), no pager resolved it$");

    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("p3_quotas.xml");
    }

    @Test
    @DisplayName("P3: thread_control beyond max-threads answers 6; deleting a thread makes room")
    void threads() {
        assertLine(run, "P3 boss (max-threads 3) creates a second thread: 0");
        assertLine(run, "P3 and a third: 0");
        assertLine(run, "P3 a fourth, over the quota (6, not permitted): 6");
        assertLine(run, "P3 after deleting one: 0");
        assertLine(run, "P3 the fourth fits: 0");
    }

    @Test
    @DisplayName("P3: a map item beyond the receiver's max-mappings fails with error 4 for both sides")
    void mapItemBeyondMappingQuota() {
        assertLine(run, "P3 a map of 64 pages to tight (max-mappings 48): the sender: error 4 (message overflow),"
                + " phase send");
        assertLine(run, "P3 a map of 64 pages to tight (max-mappings 48): the receiver: error 4 (message overflow),"
                + " phase receive");
    }

    @Test
    @DisplayName("P3: a pager's reply beyond max-mappings fails with error 4 and the faulting thread is stopped")
    void pagerReplyBeyondMappingQuota() {
        assertLine(run, "P3 tight's page faults are served until its quota is used up, at fewer than 48 pages: yes");
        assertLine(run, "P3 the pager's reply that tight has no quota left for: error 4 (message overflow), phase send");
        assertLine(run, "P3 and the kernel has stopped tight: a closed wait on it: error 2 (no partner), phase receive");
        assertTrue(TIGHT_REPORT.matcher(run.log()).find(), () -> "no report of tight's fault in\n" + run.log());
    }

    @Test
    @DisplayName("P3: thread_control answers 6 for a UTCB on a new page beyond max-mappings; a UTCB page the task has fits")
    void utcbPagesCountAgainstTheMappingQuota() {
        assertLine(run, "P3 crowded (max-mappings 32) creates threads with UTCBs on pages of their own until one is"
                + " refused, before its 32nd page: yes");
        assertLine(run, "P3 the thread_control whose UTCB page crowded has no quota left for: 6");
        assertLine(run, "P3 a UTCB beside one of them, on a page crowded has, still fits: 0");
    }

    @Test
    @DisplayName("P3: sigma0 serves a task's <memory> only up to its max-mappings")
    void sigma0StopsAtTheMappingQuota() {
        assertLine(run, "P3 greedy (max-mappings 32), whose region sigma0 stopped serving, is gone: a closed wait on it:"
                + " error 2 (no partner), phase receive");
        assertTrue(GREEDY_REPORT.matcher(run.log()).find(), () -> "no report of greedy's fault in\n" + run.log());
    }

    @Test
    @DisplayName("P3, M6: a controller notification beyond max-notifications is lost; its source is released (S1)")
    void notificationsBeyondQuota() {
        assertLine(run, "P3 src1's send through mon (max-notifications 2): no error");
        assertLine(run, "P3 src2's send through mon (max-notifications 2): no error");
        assertLine(run, "P3 src3's send through mon (max-notifications 2): no error");
        assertLine(run, "P3 notifications mon received: 2");
    }

    @Test
    @DisplayName("P3: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "P3");
    }

    @Test
    @DisplayName("P3: creating tasks until physical memory runs out ends with error 6, and the kernel runs on")
    void physicalMemoryExhaustion() {
        // Booted alone, as a privileged task: it has no description, so the invariant checker,
        // which visits every thread at every trap, does not crawl through its 20,000 tasks.
        GuestRun exhausted = GuestRun.boot("task_exhaustion.elf");
        assertLine(exhausted, "P3 creating empty tasks until physical memory runs out ends with error: 6");
        assertLine(exhausted, "P3 and only after more than 10000 of them: yes");
        assertLine(exhausted, "P3 the kernel runs on: deleting one of them: 0");
        assertPassed(exhausted, "P3");
    }
}
