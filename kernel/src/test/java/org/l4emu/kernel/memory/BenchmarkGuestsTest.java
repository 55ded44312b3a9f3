package org.l4emu.kernel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.kernel.GuestRun;

/**
 * The benchmark guests `l4emu bench` added for task churn and the three-space ring run to their
 * end, whatever their speed: each shuts down with 1 when a system call of its loop fails.
 */
@DisplayName("Benchmark guests")
class BenchmarkGuestsTest {
    @ParameterizedTest(name = "{0} runs to its end")
    @ValueSource(strings = {"bench_task_pairs.elf", "bench_ring.xml"})
    void runsToItsEnd(String image) {
        GuestRun run = GuestRun.boot(image);
        assertEquals(0, run.exitCode(), run::log);
    }
}
