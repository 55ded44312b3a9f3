package org.l4emu.tools.trace;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which events {@code trace show} and the exporters keep. Each criterion left empty matches
 * everything; given ones must all match. Threads and tasks match any thread the event names.
 */
public record EventFilter(Set<String> threads, Set<String> tasks, Set<Integer> labels, Set<IpcOption> options,
                          Set<EventKind> kinds, long fromNanos, long toNanos) implements Predicate<TraceEvent> {
    public static final EventFilter ALL = new EventFilter(Set.of(), Set.of(), Set.of(), Set.of(),
            EnumSet.allOf(EventKind.class), 0, Long.MAX_VALUE);

    @Override
    public boolean test(TraceEvent event) {
        if (!kinds.contains(event.kind()) || event.timeNanos() < fromNanos || event.timeNanos() > toNanos) {
            return false;
        }
        if (!threads.isEmpty() && EventParticipants.of(event).stream().noneMatch(threads::contains)) {
            return false;
        }
        if (!tasks.isEmpty() && EventParticipants.tasksOf(event).stream().noneMatch(tasks::contains)) {
            return false;
        }
        if (!labels.isEmpty() && (labelOf(event) == null || !labels.contains(labelOf(event)))) {
            return false;
        }
        return options.isEmpty() || (optionOf(event) != null && options.contains(optionOf(event)));
    }

    /** The message label an event carries (send, forward, deliver), or null. */
    public static Integer labelOf(TraceEvent event) {
        return switch (event.detail()) {
            case EventDetail.Send send -> send.message().label();
            case EventDetail.Deliver deliver -> deliver.message().label();
            default -> null;
        };
    }

    /** The IPC option an event carries (sent or received), or null. */
    public static IpcOption optionOf(TraceEvent event) {
        return switch (event.detail()) {
            case EventDetail.Send send -> send.option();
            case EventDetail.Deliver deliver -> deliver.dopeBits().option();
            default -> null;
        };
    }
}
