package org.l4emu.tools.check;

/**
 * What the rules say a send must come to, decided from the checker's own model when the send
 * starts: proceed, or fail with error 6 ({@code refused}). {@code rule} is the rule a wrong
 * outcome breaks, {@code reason} the sentence that explains it.
 */
record Verdict(boolean refused, CheckedRule rule, String reason) {
    static final Verdict ANY = new Verdict(false, null, null);

    static Verdict proceed(CheckedRule rule, String reason) {
        return new Verdict(false, rule, reason);
    }

    static Verdict refuse(CheckedRule rule, String reason) {
        return new Verdict(true, rule, reason);
    }
}
