package org.l4emu.tools.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over a whole trace, fed one event at a time: messages per sender/receiver pair (each
 * hop, and end to end), what each monitor did, and how long each thread spent in each state.
 */
public final class TraceStatistics {
    /** Per pair "sender -> receiver", in first-seen order. */
    public final Map<String, Long> hops = new LinkedHashMap<>();
    public final Map<String, Long> endToEnd = new LinkedHashMap<>();
    public final Map<String, MonitorCounts> monitors = new LinkedHashMap<>();
    public final Map<String, ThreadTimes> threads = new LinkedHashMap<>();
    public final Map<String, Long> errors = new TreeMap<>();
    private String runningThread;
    private long runningSince;
    public long events;
    public long endNanos;
    public long instructions;
    public Integer exitCode;

    public static final class MonitorCounts {
        public long redirectedTo;
        public long received;
        public long forwarded;
        public long notified;
    }

    public static final class ThreadTimes {
        public final Map<String, Long> nanosByState = new TreeMap<>();
        public long runningNanos;
        String state;
        long since;

        public long blockedNanos() {
            return nanosByState.getOrDefault("sending", 0L) + nanosByState.getOrDefault("receiving", 0L)
                    + nanosByState.getOrDefault("awaiting_delivery", 0L);
        }

        void enter(String next, long time) {
            if (state != null) {
                nanosByState.merge(state, time - since, Long::sum);
            }
            state = next;
            since = time;
        }
    }

    public void add(TraceEvent event) {
        events++;
        endNanos = event.timeNanos();
        instructions = event.instructions();
        String thread = event.threadName();
        switch (event.detail()) {
            case EventDetail.Deliver deliver -> {
                String sender = deliver.sender() == null ? "(kernel)" : deliver.sender().name();
                hops.merge(sender + " -> " + thread, 1L, Long::sum);
                if (deliver.dopeBits().redirected()) {
                    monitor(thread).received++;
                } else if (deliver.sender() != null) {
                    endToEnd.merge(deliver.from().name() + " -> " + thread, 1L, Long::sum);
                }
            }
            case EventDetail.Redirect redirect -> monitor(redirect.monitor().name()).redirectedTo++;
            case EventDetail.Send ignored when event.kind() == EventKind.FORWARD -> monitor(thread).forwarded++;
            case EventDetail.Notify ignored -> monitor(thread).notified++;
            case EventDetail.Failure failure -> errors.merge(new DopeBits(failure.dope()).describe(), 1L, Long::sum);
            case EventDetail.SyscallError failure -> errors.merge(failure.describe(), 1L, Long::sum);
            case EventDetail.Unblock unblock when unblock.dope() != 0 ->
                    errors.merge(new DopeBits(unblock.dope()).describe() + " (blocked source)", 1L, Long::sum);
            case EventDetail.StateChange change -> times(thread).enter(change.state(), event.timeNanos());
            case EventDetail.Switch ignored -> switchTo(event.thread() == null ? null : thread, event.timeNanos());
            case EventDetail.End end -> exitCode = end.exitCode();
            default -> { }
        }
    }

    /** Closes the open intervals at the last event's time. */
    public void finish() {
        switchTo(null, endNanos);
        for (ThreadTimes times : threads.values()) {
            times.enter(null, endNanos);
        }
    }

    private void switchTo(String thread, long time) {
        if (runningThread != null) {
            times(runningThread).runningNanos += time - runningSince;
        }
        runningThread = thread;
        runningSince = time;
    }

    private MonitorCounts monitor(String name) {
        return monitors.computeIfAbsent(name, n -> new MonitorCounts());
    }

    private ThreadTimes times(String name) {
        return threads.computeIfAbsent(name, n -> new ThreadTimes());
    }
}
