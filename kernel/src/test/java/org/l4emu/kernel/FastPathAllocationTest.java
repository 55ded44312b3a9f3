package org.l4emu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * The common IPC (register-only call and reply-wait between ready partners, no monitor) runs
 * inside the emulator's trap without allocating, and so does the monitored one: through one or
 * three pass-through system monitors forwarding with option 4, and through one in control of
 * each call (option 7, the kernel's notification, option 3; M6). The benchmark guests' 100,000
 * round trips, measured between their marks once the JIT has warmed up, allocate next to
 * nothing on the host thread: far less than one object for every hundred round trips, so a
 * record made afresh for each IPC fails the test, whatever the JIT removes.
 */
class FastPathAllocationTest {
    private static final int ROUND_TRIPS = 100_000;
    /** Less than a byte per hundred round trips: what an event or a rare slow step may cost. */
    private static final long ALLOWED_BYTES = ROUND_TRIPS / 100;
    private static final int WARM_RUNS = 4;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bench_same.xml", "bench_cross.xml", "bench_monitor_one.xml", "bench_monitor_three.xml",
        "bench_monitor_controlling.xml"})
    void roundTripsAllocateNothing(String system) throws Exception {
        // The first runs warm up the JIT, whose compilations and deoptimizations may allocate.
        long allocated = Long.MAX_VALUE;
        for (int run = 0; run < WARM_RUNS && allocated >= ALLOWED_BYTES; run++) {
            allocated = Math.min(allocated, measure(system));
        }
        assertTrue(allocated < ALLOWED_BYTES, allocated + " bytes allocated by " + ROUND_TRIPS + " round trips");
    }

    /** Bytes this thread allocated between the guest's start and end marks. */
    private static long measure(String system) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] marks = new long[2];
        KernelEvents timer = new KernelEvents() {
            @Override
            public void breakpoint(Thread thread, int argument) {
                marks[argument - 1] = threads.getCurrentThreadAllocatedBytes();
            }
        };
        int exit = Boot.run(GuestRun.GUEST_DIRECTORY.resolve(system), BootOptions.DEFAULTS,
                OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream()), timer);
        assertEquals(0, exit, system + " did not shut down with 0");
        return marks[1] - marks[0];
    }
}
