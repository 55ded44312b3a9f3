package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hostile scenarios of guest-programs/src/chk_holes.c, one per isolation hole of issue 12:
 * the guests must not see the hole on this kernel (it is fixed), and the rule checker, which
 * sees only events, must report a hole exactly when the guests see it happen (and nothing
 * else): so a kernel change that opens one again fails here twice over, by the guests' account
 * and the checker's (docs/checker.md lists the mutations seen to do so).
 */
class HoleScenariosTest {
    @Test
    @DisplayName("S5: a map through a receive window that is not a valid fpage")
    void invalidReceiveWindow() {
        CheckedGuestRun run = CheckedGuestRun.boot("chk_window.xml");
        boolean hole = run.hostException() != null || run.console().contains("chk window: receiver: no error");
        assertHole(run, hole, CheckedRule.S5);
    }

    @Test
    @DisplayName("S5: a blocked sender's MR0 rewritten to u = 63, t = 62 by its sibling")
    void rewrittenTag() {
        CheckedGuestRun run = CheckedGuestRun.boot("chk_rewrite.xml");
        assertHole(run, run.console().contains("receiver's MyGlobalId overwritten"), CheckedRule.S5);
    }

    @Test
    @DisplayName("R3: option 5 naming an unrelated true source")
    void unrelatedTrueSource() {
        CheckedGuestRun run = CheckedGuestRun.boot("chk_deceit.xml");
        assertHole(run, run.console().contains("chk deceit: forward as bystander: no error"), CheckedRule.R3);
    }

    @Test
    @DisplayName("S6: page-fault IPC past an allow rule and past a monitor")
    void faultIpcObeysRules() {
        CheckedGuestRun run = CheckedGuestRun.boot("chk_fault.xml");
        boolean pastAllowRule = run.console().contains("chk fault: pager got a fault of faulter\n");
        boolean pastMonitor = run.console().contains("chk fault: pager got a fault of faulter2\n")
                && !run.console().contains("chk fault: fmon held the fault of faulter2");
        assertHole(run, pastAllowRule || pastMonitor, CheckedRule.S6);
        long expected = (pastAllowRule ? 1 : 0) + (pastMonitor ? 1 : 0);
        assertEquals(expected, run.checker().counts().getOrDefault(CheckedRule.S6, 0L), run::report);
    }

    @Test
    @DisplayName("S5: a map item onto the boot info page (and one onto a UTCB page)")
    void bootInfoPage() {
        CheckedGuestRun run = CheckedGuestRun.boot("chk_bootinfo.xml");
        assertHole(run, run.console().contains("boot info magic replaced"), CheckedRule.S5);
    }

    @Test
    @DisplayName("ABI: ipc(nilthread, nilthread) returns at once with dope 0")
    void nilIpc() {
        CheckedGuestRun run = CheckedGuestRun.boot("chk_nil.xml");
        assertHole(run, !run.console().contains("chk nil: ipc(nilthread, nilthread): no error"), CheckedRule.ABI);
    }

    /** The guests saw no hole; the checker reports {@code rule} exactly when they did, and never another rule. */
    private static void assertHole(CheckedGuestRun run, boolean guestsSawHole, CheckedRule rule) {
        assertTrue(run.checker().events() > 0, run::report);
        assertFalse(guestsSawHole, run::report);
        assertEquals(guestsSawHole, run.found(rule), run::report);
        assertTrue(Set.of(rule).containsAll(run.checker().counts().keySet()), run::report);
    }
}
