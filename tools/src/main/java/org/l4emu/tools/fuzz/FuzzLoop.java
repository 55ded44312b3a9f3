package org.l4emu.tools.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.invariants.InvariantViolationException;
import org.l4emu.tools.check.LiveRuleChecker;

/**
 * The run of a booted fuzz system, the same at both levels: until the budget is spent, a check
 * fails, or the system stops by itself, telling {@code progress} the count at each mark the
 * observer stops at. A violation (a broken invariant or guarantee) and any other exception (a
 * host exception: a kernel bug a guest provoked) end the run and are reported, never thrown;
 * an exception of the fuzzer's own code is thrown on, as the internal error it is.
 */
public final class FuzzLoop {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String PROJECT = "org.l4emu.";
    private static final String FUZZER = "org.l4emu.tools.fuzz.";

    private FuzzLoop() {}

    /** What the loop needs from the run's observer. */
    public interface Observer {
        FuzzStatistics statistics();

        long invariantChecks();

        boolean budgetSpent();
    }

    /**
     * True when the exception comes from the fuzzer's own code (the kernel-level generators run
     * inside the machine, so they throw through the kernel): that is the fuzzer's bug, an internal
     * error, and must never be reported as a host exception the kernel let a guest cause.
     */
    static boolean raisedByFuzzer(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(PROJECT)) {
                return frame.getClassName().startsWith(FUZZER);
            }
        }
        return false;
    }

    /** Runs {@code kernel}; {@code rules} (or null: none) checks its events after every trap. */
    public static FuzzOutcome run(Kernel kernel, Observer observer, LiveRuleChecker rules, LongConsumer progress) {
        RuntimeException violation = null;
        RuntimeException hostException = null;
        boolean ended = false;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        BooleanSupplier spent = observer::budgetSpent;
        try {
            while (!(ended = kernel.runUntil(Long.MAX_VALUE)) && !spent.getAsBoolean()) {
                progress.accept(observer.statistics().syscalls());
            }
        } catch (InvariantViolationException | FuzzViolation e) {
            violation = e;
        } catch (RuntimeException e) {
            if (raisedByFuzzer(e)) {
                throw e;
            }
            hostException = e;
        }
        long wall = System.nanoTime() - start;
        long cpu = CPU.getCurrentThreadCpuTime() - cpuStart;
        Integer endedEarly = ended && !spent.getAsBoolean() && violation == null && hostException == null
                ? kernel.exitCode() : null;
        if (rules != null) {
            rules.drain();
        }
        PhysicalMemory memory = kernel.machine().memory();
        return new FuzzOutcome(observer.statistics(), observer.invariantChecks(),
                rules == null ? null : rules.checker(), violation, hostException, endedEarly,
                kernel.view().threads().all().size(), FuzzOutcome.statesOf(kernel.view().threads().all()), memory.allocatedFrames(),
                memory.size() / PhysicalMemory.PAGE_SIZE, wall, cpu, kernel.view().clock().nowMicroseconds(),
                kernel.view().instructions());
    }
}
