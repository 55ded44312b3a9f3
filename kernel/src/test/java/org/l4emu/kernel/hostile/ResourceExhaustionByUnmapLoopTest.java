package org.l4emu.kernel.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * MINIX 3 threat class "resource exhaustion", docs/semantics.md P3: pages sigma0 serves on demand go
 * back to the pool when their last mapping goes, so a fault-and-unmap loop cannot drain
 * physical memory (200,000 rounds, more than the machine's 131,072 frames), and each page comes
 * back zeroed.
 */
class ResourceExhaustionByUnmapLoopTest {
    @Test
    @DisplayName("P3: a task that faults a page in and unmaps it 200,000 times does not exhaust physical memory")
    void framesComeBack() {
        GuestRun run = GuestRun.boot("hostile_unmap_loop.xml", "--quiet");
        assertEquals(0, run.exitCode(), run.log());
        assertEquals("unmap loop: 200000 rounds, pages served non-zero: 0\n", run.console());
    }
}
