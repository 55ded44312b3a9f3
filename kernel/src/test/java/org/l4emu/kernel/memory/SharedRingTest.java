package org.l4emu.kernel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.monitors.Transcript.assertLine;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** Shared memory with notification IPC that cannot deadlock, through guest-programs/src/shared_ring.c. */
@DisplayName("Shared memory: producer and consumer")
class SharedRingTest {
    private static final Pattern READ_ONLY_WRITE = Pattern.compile("(?m)^l4emu: thread consumer \\(0x00044001\\)"
            + " faulted at \\d+ us: page fault: write access at 0x50000000 \\(ip 0x[0-9a-f]{8}\\), no pager resolved it$");

    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("shared_ring.xml");
    }

    @Test
    @DisplayName("<shared> regions carry 1,000 items in order; waiting by call neither deadlocks nor loses a wake-up")
    void itemsArriveInOrder() {
        assertTrue(run.lines().stream().anyMatch(line -> line.startsWith("producer: 1000 items produced; the ring was full")),
                run::console);
        assertLine(run, "consumer: 1000 items taken, all in order: yes, sum 0xf9f4d96c");
        assertEquals(0, run.exitCode(), run::log);
    }

    @Test
    @DisplayName("<shared> perms: a write to a region mapped read-only faults, and sigma0 does not resolve it")
    void readOnlyMappingIsReadOnly() {
        assertLine(run, "consumer: writing into the ring, which is read-only here");
        assertTrue(READ_ONLY_WRITE.matcher(run.log()).find(), run::log);
        assertTrue(!run.console().contains("unreachable"), run::console);
    }
}
