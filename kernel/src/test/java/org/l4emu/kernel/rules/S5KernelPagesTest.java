package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * SEMANTICS.md S5 and P2, kernel-owned pages as a class (issue 12, the holes the fuzzers found
 * after items 1-7), through guest-programs/src/s5_kernel_pages.c: the boot info page and UTCB
 * pages are never unmapped from their own task, never granted away, never replaced, whatever
 * fpage names them, and a UTCB put on a page another task mapped stays when that task takes it
 * back (the frame is not given back either).
 */
@DisplayName("S5 Kernel-owned pages")
class S5KernelPagesTest {
    private static final String OWN = ": the holder's boot info magic: 0x4942344c";
    private static final String UTCB = ": the holder's UTCB still holds its ID: yes";
    private static final String CALL = ": a call through the holder's UTCB carries its message: yes";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s5_kernel_pages.xml");
    }

    private static void ownPagesStay(String after) {
        assertLine(run, "S5 " + after + OWN);
        assertLine(run, "S5 " + after + UTCB);
        assertLine(run, "S5 " + after + CALL);
    }

    @Test
    @DisplayName("S5: unmap with the own flag leaves the caller's boot info and UTCB pages, whatever fpage names them")
    void unmapLeavesKernelPages() {
        ownPagesStay("unmap of its boot info page and its UTCB page, with the own flag");
        ownPagesStay("unmap of the 1 MiB around its UTCB and boot info pages, with and without the own flag");
    }

    @Test
    @DisplayName("S5: grant items pass the sender's boot info and UTCB pages over: they stay with it")
    void grantLeavesKernelPages() {
        String bootInfo = "S5 a grant item of the sender's boot info page, into a 1 MiB window";
        assertLine(run, bootInfo + ": ok");
        assertLine(run, bootInfo + ": nothing landed in the peer's region: yes");
        ownPagesStay("after granting its boot info page");
        String around = "S5 a grant item of the 1 MiB around the sender's UTCB and boot info pages";
        assertLine(run, around + ": ok");
        assertLine(run, around + ": nothing landed in the peer's region: yes");
        ownPagesStay("after granting the 1 MiB around its UTCB and boot info pages");
        assertLine(run, "S5 a map item of the 1 MiB around the sender's UTCB and boot info pages: nothing landed in the"
                + " peer's region: yes");
    }

    @Test
    @DisplayName("S5: an item that would land on the receiver's UTCB or boot info page is error 4 for both; nothing replaced")
    void itemsNeverReplaceKernelPages() {
        for (String kind : new String[] {"map", "grant"}) {
            String what = "S5 a " + kind + " item whose pages would land on the receiver's UTCB and boot info pages";
            assertLine(run, what + ": 4/4");
            assertLine(run, what + ": the peer's boot info magic afterwards: 0x4942344c");
        }
        ownPagesStay("at the end");
    }

    @Test
    @DisplayName("S5: a UTCB on a page another task mapped stays when that task unmaps it, and keeps its frame")
    void utcbOnAGivenPageStays() {
        assertLine(run, "S5 a page the peer maps to the holder arrives: yes");
        assertLine(run, "S5 a thread of the holder's task with its UTCB on that page: thread_control: 0");
        String after = "S5 a UTCB on a given page, after the giver unmapped it with the own flag and touched it anew: ";
        assertLine(run, after + "the thread's UTCB still holds its ID: yes");
        assertLine(run, after + "a call to its thread carries its message: yes");
    }

    @Test
    @DisplayName("S5: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S5");
    }
}
