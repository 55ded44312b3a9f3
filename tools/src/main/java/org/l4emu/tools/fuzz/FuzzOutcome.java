package org.l4emu.tools.fuzz;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.tools.check.RuleChecker;

/**
 * How a fuzz run ended. A clean run spent its whole budget with no violation (a broken kernel
 * invariant, a guarantee a fuzzer's oracle saw broken, or a SEMANTICS rule the rule checker saw
 * broken, docs/checker.md) and no host exception; {@code rules} is that checker (null when the
 * run had none). {@code endedEarly} is the run's exit code when the system stopped by itself
 * first (shutdown, every thread gone, deadlock, time limit), else null. {@code finalStates}
 * counts the threads in each state at the end: how much of the system was still fuzzing; the
 * physical frames in use show whether the guests wore the machine's memory down. {@code cpuNanos}
 * is the CPU time of the thread that ran the system, which other processes on the machine
 * disturb less than the wall time. A run whose fuzzers stopped calling for
 * {@link #WITHERED_AFTER_SYSCALLS} system calls withered (the keeper, servers and monitors ran
 * on alone, testing little): it is not clean either, since its budget no longer says what it tested.
 */
public record FuzzOutcome(FuzzStatistics statistics, long invariantChecks, RuleChecker rules, RuntimeException violation,
                   RuntimeException hostException, Integer endedEarly, int threads,
                   Map<ThreadState, Integer> finalStates, long framesInUse, long frames, long wallNanos,
                   long cpuNanos, long virtualMicros, long instructions) {
    public static final long WITHERED_AFTER_SYSCALLS = 100_000;

    /** The threads in each state at the end. */
    public static Map<ThreadState, Integer> statesOf(List<Thread> threads) {
        Map<ThreadState, Integer> states = new EnumMap<>(ThreadState.class);
        for (Thread thread : threads) {
            states.merge(thread.state(), 1, Integer::sum);
        }
        return states;
    }

    public boolean clean() {
        return violation == null && hostException == null && endedEarly == null && !withered()
                && (rules == null || rules.violationCount() == 0);
    }

    public boolean withered() {
        return statistics.syscallsSinceFuzzersActed() >= WITHERED_AFTER_SYSCALLS;
    }
}
