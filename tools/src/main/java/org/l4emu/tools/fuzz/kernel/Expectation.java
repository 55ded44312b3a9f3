package org.l4emu.tools.fuzz.kernel;

import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadDirectory;
import org.l4emu.tools.fuzz.FuzzViolation;

/**
 * What the spec says an attack's system call must come to, checked as soon as the kernel has
 * handled it. A generator states one only where the answer is certain from outside the
 * kernel: the fuzzer knows the rules it set up and the threads it made.
 */
@FunctionalInterface
interface Expectation {
    /** Throws {@link FuzzViolation} when {@code caller}'s call did not end as it must. */
    void check(FuzzThread caller, ThreadDirectory threads);

    /** ipc(nilthread, nilthread, ...) has neither phase: it returns at once with dope 0 (ABI section 3). */
    Expectation NO_PHASE = (caller, threads) -> {
        if (caller.thread().state() != ThreadState.READY || caller.context().result(1) != 0) {
            throw new FuzzViolation(caller + ": ipc(nilthread, nilthread) must return at once with dope 0, got "
                    + outcome(caller));
        }
    };

    /** The send must fail at once, in the send phase, with one of {@code codes} ({@code why}: the rule). */
    static Expectation failsAtOnce(String why, int... codes) {
        return (caller, threads) -> {
            int dope = caller.context().result(1);
            boolean failed = caller.thread().state() == ThreadState.READY && Dope.errorCode(dope) != 0;
            if (failed) {
                for (int code : codes) {
                    if (Dope.errorCode(dope) == code) {
                        return;
                    }
                }
            }
            throw new FuzzViolation(caller + ": " + why + ", but the call " + outcome(caller));
        };
    }

    private static String outcome(FuzzThread caller) {
        ThreadState state = caller.thread().state();
        if (state != ThreadState.READY) {
            return "was accepted (the caller is " + state + ")";
        }
        return String.format("returned dope 0x%x", caller.context().result(1));
    }
}
