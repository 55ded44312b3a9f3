package org.l4emu.tools.fuzz;

/**
 * A guarantee a guest relies on did not hold: seen by a fuzzer's oracle (a guest's own check,
 * a guarantee oracle, the expected outcome of an attack) or by a rule checker plugged in. A
 * kernel bug, as a broken invariant is, but seen from outside the kernel's data structures.
 */
public final class FuzzViolation extends RuntimeException {
    public FuzzViolation(String message) {
        super(message);
    }

    public FuzzViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
