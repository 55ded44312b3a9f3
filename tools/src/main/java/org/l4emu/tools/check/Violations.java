package org.l4emu.tools.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Where violations go: kept (up to a limit), counted by rule, and passed to a listener as they are found. */
final class Violations {
    private final int kept;
    private final List<Violation> list = new ArrayList<>();
    private final Map<CheckedRule, Long> counts = new EnumMap<>(CheckedRule.class);
    private final Map<CheckedRule, Violation> firsts = new EnumMap<>(CheckedRule.class);
    private final Consumer<Violation> listener;
    private long seq;
    private long time;

    Violations(int kept, Consumer<Violation> listener) {
        this.kept = kept;
        this.listener = listener;
    }

    /** The event being checked: violations found now carry its number and time. */
    void at(long eventSeq, long eventTime) {
        seq = eventSeq;
        time = eventTime;
    }

    void report(CheckedRule rule, String message) {
        reportAt(seq, rule, message);
    }

    /** A violation found later than the event it concerns (at the end of its step). */
    void reportAt(long eventSeq, CheckedRule rule, String message) {
        Violation violation = new Violation(rule, eventSeq, time, message);
        counts.merge(rule, 1L, Long::sum);
        firsts.putIfAbsent(rule, violation);
        if (list.size() < kept) {
            list.add(violation);
        }
        listener.accept(violation);
    }

    long seq() {
        return seq;
    }

    List<Violation> list() {
        return Collections.unmodifiableList(list);
    }

    List<Violation> firstOfEachRule() {
        return List.copyOf(firsts.values());
    }

    Map<CheckedRule, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
