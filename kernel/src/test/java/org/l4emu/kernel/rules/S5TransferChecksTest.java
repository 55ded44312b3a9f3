package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md S5 as amended (issue 12 items 1, 2, 5; ABI ipc(nilthread, nilthread) as item 7),
 * through guest-programs/src/s5_transfer_checks.c: the message is read and checked at transfer,
 * windows and items of every fpage size and alignment, kernel-owned pages never receive a mapping.
 */
@DisplayName("S5 Checks at transfer")
class S5TransferChecksTest {
    private static final String WHILE = " while the send waits: ";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s5_transfer_checks.xml");
    }

    @Test
    @DisplayName("S5: a sibling's rewrite of the tag to 125 words fails the send with 9; the receiver gets nothing")
    void tagRewrittenAtTransfer() {
        assertLine(run, "S5 MR0 rewritten to u = 63, t = 62" + WHILE + "the receiver: error 9 (invalid argument), phase receive");
        assertLine(run, "S5 MR0 rewritten to u = 63, t = 62" + WHILE + "the receiver's BR0..ExceptionHandler untouched: yes");
        assertLine(run, "S5 MR0 rewritten to u = 63, t = 62" + WHILE + "the sender: error 9 (invalid argument), phase send");
        assertLine(run, "S5 MR0 rewritten to an odd number of typed words" + WHILE
                + "the sender: error 9 (invalid argument), phase send");
        assertLine(run, "S5 MR0 rewritten to u = 2, t = 62" + WHILE + "the sender: error 9 (invalid argument), phase send");
    }

    @Test
    @DisplayName("S5: items rewritten to malformed ones fail the send with 9 at transfer; a valid rewrite is read then")
    void itemsRewrittenAtTransfer() {
        assertLine(run, "S5 the item's fpage rewritten to a 4 KiB page 1 KiB aligned" + WHILE
                + "the sender: error 9 (invalid argument), phase send");
        assertLine(run, "S5 the item's type rewritten to 7" + WHILE + "the sender: error 9 (invalid argument), phase send");
        assertLine(run, "S5 the item's fpage rewritten to size field 40" + WHILE
                + "the receiver: error 9 (invalid argument), phase receive");
        assertLine(run, "S5 MR1 rewritten to 0x22" + WHILE + "MR1 as read at transfer: 34");
    }

    @Test
    @DisplayName("S5: an invalid receive window is error 9 for the receiver and 4 for the sender, never a host error")
    void invalidWindow() {
        assertLine(run, "S5 the receiver's BR0 rewritten to a 4 KiB window 1 KiB aligned" + WHILE
                + "the receiver: error 9 (invalid argument), phase receive");
        assertLine(run, "S5 the receiver's BR0 rewritten to a 4 KiB window 1 KiB aligned" + WHILE
                + "the sender: error 4 (message overflow), phase send");
        assertLine(run, "S5 receive windows of every size field 0..63, aligned and 1 KiB aligned: nil 4/4, 1..11 and"
                + " 33..63 and misaligned 9 before any waiting, aligned 12..32 mapped: yes");
        assertLine(run, "S5 map items of every size field 0..63, aligned and 1 KiB aligned: nil maps nothing, 1..11 and"
                + " 33..63 and misaligned fail the send with 9 before it waits, aligned 12..32 map: yes");
    }

    @Test
    @DisplayName("S5: kernel-owned pages and addresses beyond user memory never receive a mapping: 4 for both")
    void kernelPages() {
        assertLine(run, "S5 a map item aimed at the receiver's UTCB page 0xbff00000: 4/4");
        assertLine(run, "S5 a map item aimed at the receiver's boot info page 0xbfff0000: 4/4");
        assertLine(run, "S5 a map item aimed at 0xbffff000, the last page below the kernel: 4/4");
        assertLine(run, "S5 a map item aimed at 0xc0000000, the kernel's range: 4/4");
        assertLine(run, "S5 a map item aimed at 0xbffef000, a user page below the boot info page: ok");
        assertLine(run, "S5 a map item landing on the UTCB page in a 64 KiB window at 0xbff00000: 4/4");
        assertLine(run, "S5 the receiver's boot info page is still the kernel's: 0x4942344c");
        assertLine(run, "S5 the sender, having granted its UTCB page away, still sends as itself: yes");
    }

    @Test
    @DisplayName("S5: unmap with an invalid fpage answers 9; ipc(nilthread, nilthread) returns dope 0, ErrorCode kept")
    void unmapAndNilIpc() {
        assertLine(run, "S5 unmap of an fpage with size field 1..11 or 33..63, or 1 KiB aligned only: 9 in the first"
                + " result register; a valid fpage leaves it alone: yes");
        assertLine(run, "ABI ipc(nilthread, nilthread): dope: 0");
        assertLine(run, "ABI ipc(nilthread, nilthread): ErrorCode untouched: 1");
    }

    @Test
    @DisplayName("S5: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S5");
    }
}
