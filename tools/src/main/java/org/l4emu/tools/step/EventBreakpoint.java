package org.l4emu.tools.step;

import org.l4emu.tools.trace.EventFilter;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.EventParticipants;
import org.l4emu.tools.trace.IpcOption;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.Words;

/** A stop at the next event that names a thread, carries a label or option, or is of a kind. */
record EventBreakpoint(String field, String value) {
    static EventBreakpoint parse(String field, String value) {
        switch (field) {
            case "thread", "task" -> { }
            case "label" -> label(value);
            case "option" -> IpcOption.parse(value).orElseThrow(
                    () -> new IllegalArgumentException("unknown option '" + value + "'"));
            case "kind" -> EventKind.named(value).orElseThrow(
                    () -> new IllegalArgumentException("unknown event kind '" + value + "'"));
            default -> throw new IllegalArgumentException("cannot break on '" + field + "'");
        }
        return new EventBreakpoint(field, value);
    }

    boolean matches(TraceEvent event) {
        return switch (field) {
            case "thread" -> event.kind().group() != EventKind.Group.DETAIL
                    && EventParticipants.of(event).contains(value);
            case "task" -> event.kind().group() != EventKind.Group.DETAIL
                    && EventParticipants.tasksOf(event).contains(value);
            case "label" -> {
                Integer label = EventFilter.labelOf(event);
                yield label != null && label == (Words.parse(value) & 0xFFFF);
            }
            case "option" -> EventFilter.optionOf(event) == IpcOption.parse(value).orElseThrow();
            case "kind" -> event.kind() == EventKind.named(value).orElseThrow();
            default -> false;
        };
    }

    @Override
    public String toString() {
        return field + " " + value;
    }

    private static int label(String value) {
        try {
            return Words.parse(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a label");
        }
    }
}
