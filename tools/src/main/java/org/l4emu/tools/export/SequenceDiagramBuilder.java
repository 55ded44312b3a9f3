package org.l4emu.tools.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.l4emu.abi.Abi;
import org.l4emu.tools.trace.DopeBits;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.EventText;
import org.l4emu.tools.trace.IpcOption;
import org.l4emu.tools.trace.ThreadInfo;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceReader;

/**
 * Turns a trace into a {@link SequenceDiagram}: an arrow per delivered message (and per
 * unblocking or error option, which deliver nothing), notes for errors, releases, exits and, on
 * request, console output. Stops adding rows at {@code maxRows} so a huge trace still gives a picture.
 */
final class SequenceDiagramBuilder {
    private static final String KERNEL = "kernel";

    private final Predicate<TraceEvent> filter;
    private final boolean withConsole;
    private final int maxRows;
    private final Map<String, Integer> participantIndex = new LinkedHashMap<>();
    private final List<SequenceDiagram.Participant> participants = new ArrayList<>();
    private final List<SequenceDiagram.Item> items = new ArrayList<>();
    private final List<SequenceDiagram.Bar> bars = new ArrayList<>();
    private final Map<ThreadInfo, Integer> blockedSince = new HashMap<>();
    private final Map<ThreadInfo, String> blockedState = new HashMap<>();
    private boolean truncated;
    private TraceReader reader;

    SequenceDiagramBuilder(Predicate<TraceEvent> filter, boolean withConsole, int maxRows) {
        this.filter = filter;
        this.withConsole = withConsole;
        this.maxRows = maxRows;
    }

    SequenceDiagram build(TraceReader reader) {
        this.reader = reader;
        TraceEvent event;
        while ((event = reader.next()) != null && !truncated) {
            if (participants.isEmpty()) {
                reader.threads().forEach(this::participant);
            }
            if (event.thread() != null) {
                participant(event.thread());
            }
            if (event.detail() instanceof EventDetail.StateChange change) {
                bar(event.thread(), change.state());
            } else if (filter.test(event)) {
                add(event);
            }
        }
        String title = reader.header().system() + " (" + reader.header().image() + ")";
        return withoutIdleParticipants(new SequenceDiagram(title, participants, items, bars, truncated));
    }

    /** Lifelines nothing happens on only widen the picture: keep the participants some row uses, and their bars. */
    private static SequenceDiagram withoutIdleParticipants(SequenceDiagram diagram) {
        boolean[] used = new boolean[diagram.participants().size()];
        for (SequenceDiagram.Item item : diagram.items()) {
            switch (item) {
                case SequenceDiagram.Arrow arrow -> {
                    used[arrow.from()] = true;
                    used[arrow.to()] = true;
                }
                case SequenceDiagram.Note note -> used[note.over()] = true;
            }
        }
        int[] newIndex = new int[used.length];
        List<SequenceDiagram.Participant> kept = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            newIndex[i] = kept.size();
            if (used[i]) {
                kept.add(diagram.participants().get(i));
            }
        }
        List<SequenceDiagram.Item> items = diagram.items().stream().map(item -> switch (item) {
            case SequenceDiagram.Arrow a -> (SequenceDiagram.Item) new SequenceDiagram.Arrow(newIndex[a.from()],
                    newIndex[a.to()], a.label(), a.style(), a.timeNanos(), a.seq());
            case SequenceDiagram.Note n -> new SequenceDiagram.Note(newIndex[n.over()], n.text(), n.style(),
                    n.timeNanos(), n.seq());
        }).toList();
        List<SequenceDiagram.Bar> bars = diagram.bars().stream().filter(b -> used[b.participant()]).map(b -> new SequenceDiagram.Bar(
                newIndex[b.participant()], b.fromRow(), b.toRow(), b.state())).toList();
        return new SequenceDiagram(diagram.title(), List.copyOf(kept), items, bars, diagram.truncated());
    }

    private void add(TraceEvent event) {
        switch (event.detail()) {
            case EventDetail.Deliver deliver -> arrow(event, deliver);
            case EventDetail.Send send when send.option() == IpcOption.UNBLOCKING || send.option() == IpcOption.ERROR ->
                    row(new SequenceDiagram.Arrow(participant(event.thread()), participant(send.to().name()),
                            send.option() == IpcOption.UNBLOCKING ? "unblocking"
                                    : "error, code " + (send.message().words().length > 0
                                    ? Integer.toUnsignedString(send.message().words()[0]) : "?"),
                            SequenceDiagram.Style.OPTION, event.timeNanos(), event.seq()));
            case EventDetail.Failure failure -> note(event, event.kind() == EventKind.TIMEOUT
                    && new DopeBits(failure.dope()).phase().equals("receive")
                    ? SequenceDiagram.Style.INFO : SequenceDiagram.Style.ERROR);
            case EventDetail.Unblock unblock -> note(event,
                    unblock.dope() == 0 ? SequenceDiagram.Style.INFO : SequenceDiagram.Style.ERROR);
            case EventDetail.ThreadExit ignored -> note(event, SequenceDiagram.Style.INFO);
            case EventDetail.PageFault ignored -> note(event, SequenceDiagram.Style.INFO);
            case EventDetail.Breakpoint ignored -> note(event, SequenceDiagram.Style.INFO);
            case EventDetail.Console console when withConsole -> row(new SequenceDiagram.Note(
                    participant(event.thread()), EventText.printable(console.text()).strip(),
                    SequenceDiagram.Style.CONSOLE, event.timeNanos(), event.seq()));
            default -> { }
        }
    }

    private void arrow(TraceEvent event, EventDetail.Deliver deliver) {
        DopeBits dope = deliver.dopeBits();
        SequenceDiagram.Style style;
        if (deliver.sender() == null || dope.option() == IpcOption.NOTIFICATION) {
            style = SequenceDiagram.Style.NOTIFICATION;
        } else if (dope.redirected()) {
            style = SequenceDiagram.Style.REDIRECTED;
        } else if (!deliver.from().name().equals(deliver.sender().name())) {
            style = SequenceDiagram.Style.FORWARDED;
        } else {
            style = SequenceDiagram.Style.MESSAGE;
        }
        StringBuilder label = new StringBuilder(style == SequenceDiagram.Style.NOTIFICATION
                ? notification(deliver) : deliver.message().describe());
        if (deliver.sender() != null && !deliver.from().name().equals(deliver.sender().name())) {
            label.append(", from ").append(deliver.from());
        }
        String bits = dope.describe();
        if (!bits.isEmpty() && style != SequenceDiagram.Style.NOTIFICATION) {
            label.append(" [").append(bits).append(']');
        }
        int from = deliver.sender() == null ? participant(KERNEL) : participant(deliver.sender());
        row(new SequenceDiagram.Arrow(from, participant(event.thread()), label.toString(), style, event.timeNanos(),
                event.seq()));
    }

    /** MR1..4 of a controller notification (M6) are thread IDs and an error code: say whom they name. */
    private String notification(EventDetail.Deliver deliver) {
        int[] words = deliver.message().words();
        if (words.length < Abi.Notification.WORDS) {
            return deliver.message().describe();
        }
        int error = words[Abi.Notification.ERROR_MR - 1];
        return "notification: blocked source " + reader.thread(words[Abi.Notification.BLOCKED_SOURCE_MR - 1])
                + ", true source " + reader.thread(words[Abi.Notification.TRUE_SOURCE_MR - 1])
                + ", final receiver " + reader.thread(words[Abi.Notification.FINAL_RECEIVER_MR - 1])
                + (error == Abi.ErrorCode.NONE ? "" : ", error " + error + " " + DopeBits.errorName(error));
    }

    private void note(TraceEvent event, SequenceDiagram.Style style) {
        int over = event.thread() == null ? participant(KERNEL) : participant(event.thread());
        row(new SequenceDiagram.Note(over, EventText.describe(event), style, event.timeNanos(), event.seq()));
    }

    private void row(SequenceDiagram.Item item) {
        if (items.size() >= maxRows) {
            truncated = true;
            return;
        }
        items.add(item);
    }

    /** Blocked-in-a-send intervals (M1: a source stays blocked while monitors pass its message on). */
    private void bar(ThreadInfo thread, String state) {
        Integer since = blockedSince.remove(thread);
        String previous = blockedState.remove(thread);
        if (since != null && items.size() > since) {
            bars.add(new SequenceDiagram.Bar(participant(thread), since, items.size(), previous));
        }
        if (state.equals("sending") || state.equals("awaiting_delivery")) {
            blockedSince.put(thread, items.size());
            blockedState.put(thread, state);
        }
    }

    private int participant(ThreadInfo thread) {
        Integer known = participantIndex.get(thread.name());
        if (known != null) {
            return known;
        }
        String subtitle = thread.idText() + (thread.task().monitor() ? ", monitor" : "");
        return add(thread.name(), new SequenceDiagram.Participant(thread.name(), subtitle,
                thread.task().monitor() ? SequenceDiagram.Role.MONITOR : SequenceDiagram.Role.THREAD));
    }

    private int participant(String name) {
        Integer known = participantIndex.get(name);
        if (known != null) {
            return known;
        }
        return add(name, new SequenceDiagram.Participant(name, name.equals(KERNEL) ? "notifications" : "",
                name.equals(KERNEL) ? SequenceDiagram.Role.KERNEL : SequenceDiagram.Role.THREAD));
    }

    private int add(String name, SequenceDiagram.Participant participant) {
        participantIndex.put(name, participants.size());
        participants.add(participant);
        return participants.size() - 1;
    }
}
