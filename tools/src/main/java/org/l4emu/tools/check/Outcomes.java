package org.l4emu.tools.check;

/** How a send phase ends in the checker's model, and the check of its verdict when it first moves or fails. */
final class Outcomes {
    private final Violations violations;

    Outcomes(Violations violations) {
        this.violations = violations;
    }

    /**
     * The kernel accepted {@code send}: it passed the checks made before anything waits (P2) and
     * went on, whatever happens to it later.
     */
    void proceeded(SendPhase send) {
        if (send.resolved) {
            return;
        }
        send.resolved = true;
        Verdict verdict = send.verdict;
        if (verdict.refused()) {
            violations.report(verdict.rule(), send.sender + "'s " + describe(send) + " should fail: "
                    + verdict.reason() + "; the kernel let it proceed");
        }
        send.onProceed.run();
    }

    /**
     * The kernel failed {@code send} with {@code errorCode}. Errors 2, 6 and 9 are the checks made
     * before anything waits (no partner, not permitted, invalid argument): the send was refused.
     * Any other error came on its way (a timeout, a delay timeout): it had been accepted.
     */
    void failed(SendPhase send, int errorCode) {
        if (!refusedByCheck(send, errorCode)) {
            proceeded(send);
            return;
        }
        if (send.resolved) {
            return;
        }
        send.resolved = true;
        Verdict verdict = send.verdict;
        if (!verdict.refused() && verdict.rule() != null && errorCode == Abi.ERROR_NOT_PERMITTED) {
            violations.report(verdict.rule(), send.sender + "'s " + describe(send) + " was refused (error 6) although "
                    + verdict.reason());
        }
    }

    static boolean refusedByCheck(SendPhase send, int errorCode) {
        if (errorCode == Abi.ERROR_NO_PARTNER && send.kind == SendPhase.Kind.FORWARD && send.destination != null
                && !send.verdict.refused()) {
            // Destination and true source live: the forward was accepted (its IPC continued, R5,
            // M6) and failed on its way, at a dead monitor of its path (fail-closed).
            return false;
        }
        return errorCode == Abi.ERROR_NO_PARTNER || errorCode == Abi.ERROR_NOT_PERMITTED
                || errorCode == Abi.ERROR_INVALID;
    }

    /** The send phase succeeded: the receive phase that follows it begins (S4). */
    void completeSend(ThreadModel thread) {
        SendPhase send = thread.send;
        thread.send = null;
        thread.held = null;
        if (send != null && send.followingFrom != Abi.NIL) {
            thread.startReceive(send.followingFrom, send.kind == SendPhase.Kind.FAULT);
        }
    }

    static String describe(SendPhase send) {
        return switch (send.kind) {
            case PLAIN -> "send to " + name(send.destination);
            case FAULT -> "fault IPC to " + name(send.destination);
            case FORWARD -> "forward (option " + send.option + ") to " + name(send.destination);
            case END_BLOCKED_SOURCE -> "option " + send.option + " to " + name(send.blockedTarget);
            case PASS_NOTIFICATION -> "notification (option 2) to " + name(send.destination);
        };
    }

    private static String name(ThreadModel thread) {
        return thread == null ? "a thread that does not exist" : thread.name;
    }
}
