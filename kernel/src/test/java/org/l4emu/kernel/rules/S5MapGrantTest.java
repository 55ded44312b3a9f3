package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md S5 (typed items, receive windows, the mapping database), through
 * guest-programs/src/s5_map_grant.c.
 */
@DisplayName("S5 Map and grant")
class S5MapGrantTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s5_map_grant.xml");
    }

    @Test
    @DisplayName("S5: a mapped page is shared: the receiver reads it and the sender sees the receiver's writes")
    void mapShares() {
        assertLine(run, "S5 map: the sender's send: no error");
        assertLine(run, "S5 map: the receiver's receive: no error");
        assertLine(run, "S5 map: middle reads the owner's page: 0x5a000000");
        assertLine(run, "S5 map: middle writes to it: written");
        assertLine(run, "S5 map: the owner reads middle's write in the shared frame: 0x600d0000");
    }

    @Test
    @DisplayName("S5: rights are the sender's masked by the item's")
    void rightsMasked() {
        assertLine(run, "S5 map with a read-only item: middle reads: 0x5a000001");
        assertLine(run, "S5 map with a read-only item: middle's write: page fault (write)");
        assertLine(run, "S5 read-only page mapped on with a read-write item: leaf reads: 0x5a000001");
        assertLine(run, "S5 read-only page mapped on with a read-write item: leaf's write (the sender's rights, masked):"
                + " page fault (write)");
    }

    @Test
    @DisplayName("S5: a smaller fpage lands at window base + send base mod window size; a larger one is cut to the window")
    void windowPlacement() {
        assertLine(run, "S5 a page sent with send base 0x12345000 into a 64 KiB window at 0x60000000 lands at 0x60005000:"
                + " 0x5a000002");
        assertLine(run, "S5 and not at the window's base: page fault (read)");
        assertLine(run, "S5 a 16 KiB fpage sent with send base 0x2000 into a 4 KiB window is cut to its third page:"
                + " 0x5a000006");
        assertLine(run, "S5 and nothing lands beyond the window: page fault (read)");
    }

    @Test
    @DisplayName("S5: a map replaces what was there, maps only what the sender has, and a UTCB page is refused (4)")
    void whatAMapReplaces() {
        assertLine(run, "S5 a map over an existing mapping replaces it: 0x5a000003");
        assertLine(run, "S5 a map of a page the sender does not have: no error");
        assertLine(run, "S5 and it maps nothing: page fault (read)");
        assertLine(run, "S5 a map onto the receiver's UTCB page: the sender: error 4 (message overflow), phase send");
        assertLine(run, "S5 a map onto the receiver's UTCB page is refused: middle's UTCB still holds its ID: 0x44001");
    }

    @Test
    @DisplayName("S5: unmap revokes recursively, three levels deep, and only what was derived from the caller's page")
    void recursiveUnmap() {
        assertLine(run, "S5 leaf reads the page the owner mapped to middle and middle to leaf: 0x5a000008");
        assertLine(run, "S5 unmap by the owner: middle's mapping is gone: page fault (read)");
        assertLine(run, "S5 unmap by the owner: leaf's mapping, derived from middle's, is gone: page fault (read)");
        assertLine(run, "S5 unmap by the owner: the owner keeps its own page: 0x5a000008");
        assertLine(run, "S5 unmap by middle: leaf's mapping is gone: page fault (read)");
        assertLine(run, "S5 unmap by middle: middle keeps its own: 0x5a000009");
    }

    @Test
    @DisplayName("S5: unmap revokes the fpage's rights only; with flag 0 the caller's own page goes too")
    void partialAndOwnUnmap() {
        assertLine(run, "S5 unmap of write rights only: leaf still reads: 0x5a00000a");
        assertLine(run, "S5 unmap of write rights only: leaf's write: page fault (write)");
        assertLine(run, "S5 unmap of write rights only: middle's write: page fault (write)");
        assertLine(run, "S5 unmap including the caller's own page: middle's mapping is gone: page fault (read)");
        assertLine(run, "S5 unmap including the caller's own page: sigma0 serves the owner a fresh zero page: 0x0");
    }

    @Test
    @DisplayName("S5: mapping a page back onto the mapping it derives from cannot escape the owner's unmap")
    void mapBackOntoAncestor() {
        assertLine(run, "S5 leaf maps its page back onto middle's, which it derives from: middle still reads: 0x5a000010");
        assertLine(run, "S5 and the owner's unmap still reaches middle: page fault (read)");
        assertLine(run, "S5 and leaf: page fault (read)");
    }

    @Test
    @DisplayName("S5: a grant moves the page, with what was derived from it, out of the granter's reach")
    void grant() {
        assertLine(run, "S5 grant: the sender's send: no error");
        assertLine(run, "S5 grant: middle reads the granted page: 0x5a00000c");
        assertLine(run, "S5 grant: the page left the owner, which sigma0 serves a fresh zero page: 0x0");
        assertLine(run, "S5 grant: the owner's unmap no longer reaches the granted page: 0x5a00000c");
        assertLine(run, "S5 grant by middle: leaf reads the granted page: 0x5a00000d");
        assertLine(run, "S5 grant by middle: the page left middle: page fault (read)");
        assertLine(run, "S5 grant by middle: leaf's mapping derived from it before still reads: 0x5a00000d");
        assertLine(run, "S5 unmap by the owner after middle's grant: the granted page is gone from leaf: page fault (read)");
        assertLine(run, "S5 unmap by the owner after middle's grant: so is what it had derived: page fault (read)");
    }

    @Test
    @DisplayName("S5: a grant with fewer rights takes them from what was derived from the page as well")
    void grantWithFewerRights() {
        assertLine(run, "S5 grant with a read-only item: the receiver reads: 0x5a000011");
        assertLine(run, "S5 grant with a read-only item: leaf, which derived from the page, reads: 0x5a000011");
        assertLine(run, "S5 grant with a read-only item: leaf's write (a mapping has no rights its source lacks):"
                + " page fault (write)");
        assertLine(run, "S5 grant with a read-only item: the receiver's write: page fault (write)");
    }

    @Test
    @DisplayName("S5: a receiver without a receive window gets error 4, and so does the sender")
    void noWindow() {
        assertLine(run, "S5 map to a receiver without a receive window: the sender: error 4 (message overflow), phase send");
        assertLine(run, "S5 map to a receiver without a receive window: the receiver: error 4 (message overflow),"
                + " phase receive");
        assertLine(run, "S5 map to a receiver without a receive window: nothing is mapped: page fault (read)");
    }

    @Test
    @DisplayName("P1: a map item in a denied IPC maps nothing")
    void deniedIpcMapsNothing() {
        assertLine(run, "P1 a map item in an IPC that no allow rule permits: the sender: error 6 (not permitted), phase send");
        assertLine(run, "P1 a map item in an IPC that no allow rule permits: the receiver, in a closed wait on the"
                + " sender, learns of the refusal (S2): error 6 (not permitted), phase receive");
        assertLine(run, "P1 a map item in an IPC that no allow rule permits: nothing is mapped: page fault (read)");
    }

    @Test
    @DisplayName("S5: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S5");
    }
}
