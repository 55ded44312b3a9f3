package org.l4emu.tools.fuzz;

import org.l4emu.kernel.invariants.InvariantViolationException;

/**
 * How a fuzz run ended. A clean run spent its whole budget with no invariant violation and no
 * host exception; {@code endedEarly} is the run's exit code when the system stopped by itself
 * first (shutdown, every thread gone, deadlock, time limit), else null.
 */
record FuzzOutcome(FuzzStatistics statistics, long invariantChecks, InvariantViolationException violation,
                   RuntimeException hostException, Integer endedEarly, int threads, long wallNanos,
                   long virtualMicros, long instructions) {
    boolean clean() {
        return violation == null && hostException == null && endedEarly == null;
    }
}
