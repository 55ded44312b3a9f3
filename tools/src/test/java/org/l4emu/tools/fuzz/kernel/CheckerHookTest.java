package org.l4emu.tools.fuzz.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.tools.fuzz.AttackClass;
import org.l4emu.tools.fuzz.FuzzOptions;
import org.l4emu.tools.fuzz.FuzzOutcome;

/** A rule checker plugged into the kernel-level fuzzer sees every event, and what it throws is a violation. */
class CheckerHookTest {
    private static FuzzOptions options(long syscalls) {
        return new FuzzOptions(4, syscalls, 8, Architecture.ARM, Set.of(AttackClass.RULE_CHURN), true, null, null);
    }

    @Test
    @DisplayName("the checker hears every system call the run makes")
    void checkerSeesEveryEvent() throws BootException {
        long[] syscalls = new long[1];
        KernelEvents counting = new KernelEvents() {
            @Override
            public void syscall(Thread thread, int number) {
                syscalls[0]++;
            }
        };
        FuzzOutcome outcome = KernelFuzzRun.run(options(20_000), new PrintStream(OutputStream.nullOutputStream()),
                count -> { }, counting);
        assertTrue(outcome.clean(), String.valueOf(outcome.violation()));
        assertEquals(outcome.statistics().syscalls(), syscalls[0]);
    }

    @Test
    @DisplayName("what the checker throws ends the run as a violation, not as a host exception")
    void checkerFindingsAreViolations() throws BootException {
        KernelEvents strict = new KernelEvents() {
            private int deliveries;

            @Override
            public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
                if (++deliveries == 100) {
                    throw new IllegalStateException("rule X broken at delivery 100");
                }
            }
        };
        FuzzOutcome outcome = KernelFuzzRun.run(options(1_000_000), new PrintStream(OutputStream.nullOutputStream()),
                count -> { }, strict);
        assertNull(outcome.hostException());
        assertTrue(outcome.violation().getMessage().startsWith("rule checker: rule X broken at delivery 100"),
                outcome.violation().getMessage());
    }
}
