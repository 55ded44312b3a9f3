package org.l4emu.tools.fuzz;

import java.util.Map;
import org.l4emu.kernel.invariants.InvariantViolationException;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.tools.check.RuleChecker;

/**
 * How a fuzz run ended. A clean run spent its whole budget with no invariant violation, no rule
 * violation (the rule checker reads every event, docs/checker.md) and no host exception; {@code endedEarly} is the run's exit code when the system stopped by itself
 * first (shutdown, every thread gone, deadlock, time limit), else null. {@code finalStates}
 * counts the threads in each state at the end: how much of the system was still fuzzing; the
 * physical frames in use show whether the guests wore the machine's memory down.
 */
record FuzzOutcome(FuzzStatistics statistics, long invariantChecks, RuleChecker rules,
                   InvariantViolationException violation, RuntimeException hostException, Integer endedEarly, int threads,
                   Map<ThreadState, Integer> finalStates, long framesInUse, long frames, long wallNanos,
                   long virtualMicros, long instructions) {
    boolean clean() {
        return violation == null && hostException == null && endedEarly == null && rules.violationCount() == 0;
    }
}
