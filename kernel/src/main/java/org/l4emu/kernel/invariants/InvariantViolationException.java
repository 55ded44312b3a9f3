package org.l4emu.kernel.invariants;

import org.l4emu.kernel.object.Thread;

/** A kernel invariant did not hold after a trap: a kernel bug, reported with what was seen. */
public final class InvariantViolationException extends RuntimeException {
    private final Invariant invariant;

    InvariantViolationException(Invariant invariant, Thread thread, String detail) {
        this(invariant, thread + " in state " + thread.state() + ": " + detail);
    }

    InvariantViolationException(Invariant invariant, String detail) {
        super("invariant " + invariant + " violated (" + invariant.statement() + "): " + detail);
        this.invariant = invariant;
    }

    public Invariant invariant() {
        return invariant;
    }
}
