package org.l4emu.tools.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.l4emu.abi.Abi;

/**
 * The reader's side of version 4's trap records: each thread's template (the events of its last
 * ipc trap written after a template record) and the events a repeat record stands for.
 */
final class TrapTemplates {
    private final Map<ThreadInfo, List<TraceEvent>> byThread = new HashMap<>();
    /** The template being read: how many of its events are still to come. */
    private int remaining;
    private List<TraceEvent> collecting;

    /** True while the events of a template record are being read. */
    boolean collecting() {
        return remaining > 0;
    }

    /** A template record: the next {@code events} events are one. */
    void start(int events) {
        remaining = events;
        collecting = new ArrayList<>(events);
    }

    /**
     * Takes an event of the template being read; null when it fits, else what is wrong. The
     * events are one ipc trap, at one instant: a thread's ipc syscall, its send, the delivery
     * of that send, state changes, a switch, each but the syscall optional, in this order.
     */
    String add(TraceEvent event) {
        if (collecting.isEmpty()) {
            if (event.kind() != EventKind.SYSCALL || event.thread() == null
                    || ((EventDetail.Syscall) event.detail()).number() != Abi.Syscall.IPC) {
                return "a template that does not start with a thread's ipc syscall";
            }
        } else if (collecting.getFirst().instructions() != event.instructions()
                || collecting.getFirst().timeNanos() != event.timeNanos()) {
            return "a template whose events are not at one instant";
        } else if (!follows(collecting.getLast(), event, collecting.getFirst().thread())) {
            return "a template that is not one ipc trap (" + event.kind().jsonName() + " after "
                    + collecting.getLast().kind().jsonName() + ")";
        }
        collecting.add(event);
        if (--remaining == 0) {
            byThread.put(collecting.getFirst().thread(), collecting);
            collecting = null;
        }
        return null;
    }

    /** True when {@code event} may follow {@code last} in a template of {@code thread}'s trap (in which no thread dies). */
    private static boolean follows(TraceEvent last, TraceEvent event, ThreadInfo thread) {
        return switch (event.kind()) {
            case SEND -> last.kind() == EventKind.SYSCALL && event.thread() == thread;
            case DELIVER -> last.kind() == EventKind.SEND && event.detail() instanceof EventDetail.Deliver deliver
                    && deliver.sender() == thread;
            case STATE -> last.kind() != EventKind.SWITCH && event.detail() instanceof EventDetail.StateChange change
                    && !change.state().equals(ThreadStateCodes.DEAD_NAME);
            case SWITCH -> last.kind() != EventKind.SWITCH;
            default -> false;
        };
    }

    /** The template of {@code thread}, or null. */
    List<TraceEvent> of(ThreadInfo thread) {
        return byThread.get(thread);
    }

    /** How many message words a repeat of {@code template} carries: those of its send. */
    static int words(List<TraceEvent> template) {
        for (TraceEvent event : template) {
            if (event.detail() instanceof EventDetail.Send send) {
                return send.words().length;
            }
        }
        return 0;
    }

    /** {@code template}'s events again, numbered from {@code seq} at the given instant, the message words replaced. */
    static List<TraceEvent> repeat(List<TraceEvent> template, long seq, long time, long instructions, int[] words) {
        List<TraceEvent> events = new ArrayList<>(template.size());
        for (TraceEvent event : template) {
            EventDetail detail = switch (event.detail()) {
                case EventDetail.Send send -> new EventDetail.Send(send.to(), send.tag(), send.sendDescriptor(),
                        words.clone(), send.block(), send.mr1());
                case EventDetail.Deliver deliver -> new EventDetail.Deliver(deliver.sender(), deliver.from(),
                        deliver.tag(), deliver.dope(), words.clone(), deliver.senderTag(), deliver.wordsWritten());
                default -> event.detail();
            };
            events.add(new TraceEvent(seq++, time, instructions, event.kind(), event.thread(), detail));
        }
        return events;
    }

    /** A thread's end: no repeat names it again. */
    void forget(ThreadInfo thread) {
        byThread.remove(thread);
    }
}
