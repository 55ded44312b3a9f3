package org.l4emu.kernel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.l4emu.kernel.monitors.Transcript.assertLine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** The benchmark guest of `l4emu bench` (guest-programs/src/bench_tasks.c) works, whatever its speed. */
@DisplayName("1,000 tasks")
class ThousandTasksTest {
    @Test
    @DisplayName("a privileged task creates 1,000 tasks and pages them; each calls one server")
    void thousandTasksPingOneServer() {
        GuestRun run = GuestRun.boot("bench_tasks.xml");
        assertLine(run, "bench_tasks: 1000 tasks created; each called the server and is still there");
        assertEquals(0, run.exitCode(), run::log);
    }
}
