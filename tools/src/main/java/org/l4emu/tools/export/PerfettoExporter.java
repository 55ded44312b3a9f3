package org.l4emu.tools.export;

import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.EventText;
import org.l4emu.tools.trace.IpcOption;
import org.l4emu.tools.trace.TaskInfo;
import org.l4emu.tools.trace.ThreadInfo;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceReader;
import org.l4emu.tools.trace.Words;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chrome/Perfetto trace event JSON (the "JSON Object Format" of the Trace Event Format): a
 * process per task and a track per thread showing when it ran and how it was blocked, a small
 * slice for every send and receive nested in those, instant events for everything else, and a
 * flow arrow per message from its source through each monitor to its final receiver. Streams:
 * only open slices and in-flight messages are kept.
 */
final class PerfettoExporter {
    private static final JsonMapper MAPPER = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    /** A system call's kernel time (VirtualClock.NANOS_PER_SYSCALL): how long the IPC slices last at most. */
    private static final long IPC_SLICE_NANOS = 100;
    private static final Set<String> BLOCKED_STATES = Set.of("sending", "receiving", "awaiting_delivery");

    private final JsonGenerator json;
    private final MessageJourneys journeys = new MessageJourneys();
    private final Set<ThreadInfo> described = new HashSet<>();
    private final Set<TaskInfo> describedTasks = new HashSet<>();
    private final Map<ThreadInfo, OpenSlice> running = new HashMap<>();
    private final Map<ThreadInfo, OpenSlice> blocked = new HashMap<>();
    private final Map<ThreadInfo, PendingFlow> pendingFlows = new HashMap<>();
    private ThreadInfo runningThread;

    private record OpenSlice(String name, long startNanos) {}

    /** The sending side of a flow, written once the message is delivered. */
    private record PendingFlow(long journey, boolean first, long timeNanos, ThreadInfo thread) {}

    PerfettoExporter(Writer out) {
        this.json = MAPPER.createGenerator(out);
    }

    void export(TraceReader reader, Predicate<TraceEvent> filter) {
        json.writeStartObject();
        json.writeStringProperty("displayTimeUnit", "ns");
        json.writeName("otherData");
        json.writeStartObject();
        json.writeStringProperty("system", reader.header().system());
        json.writeStringProperty("image", reader.header().image());
        json.writeStringProperty("arch", reader.header().arch());
        json.writeEndObject();
        json.writeName("traceEvents");
        json.writeStartArray();
        TraceEvent event;
        long lastTime = 0;
        while ((event = reader.next()) != null) {
            lastTime = event.timeNanos();
            if (event.thread() != null) {
                describe(event.thread());
            }
            track(event);
            if (filter.test(event)) {
                mark(event);
            }
        }
        closeAll(lastTime);
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }

    private void describe(ThreadInfo thread) {
        if (!described.add(thread)) {
            return;
        }
        int pid = thread.task().number();
        if (describedTasks.add(thread.task())) {
            metadata("process_name", pid, 0, thread.task().name() + (thread.task().monitor() ? " (monitor)" : ""));
            metadataNumber("process_sort_index", pid, 0, pid);
        }
        metadata("thread_name", pid, thread.number(), thread.name() + " " + thread.idText());
        metadataNumber("thread_sort_index", pid, thread.number(), thread.number());
    }

    /** Thread states and CPU switches become the slices every track shows, whatever the filter. */
    private void track(TraceEvent event) {
        switch (event.detail()) {
            case EventDetail.Switch ignored -> {
                if (runningThread != null) {
                    close(running, runningThread, event.timeNanos());
                }
                runningThread = event.thread();
                if (runningThread != null) {
                    running.put(runningThread, new OpenSlice("running", event.timeNanos()));
                }
            }
            case EventDetail.StateChange change -> {
                close(blocked, event.thread(), event.timeNanos());
                if (BLOCKED_STATES.contains(change.state())) {
                    blocked.put(event.thread(), new OpenSlice(change.state().replace('_', ' '), event.timeNanos()));
                }
            }
            default -> { }
        }
    }

    private void mark(TraceEvent event) {
        switch (event.detail()) {
            case EventDetail.Send send -> send(event, send);
            case EventDetail.Deliver deliver -> deliver(event, deliver);
            case EventDetail.Failure ignored -> {
                journeys.abandon(event.thread());
                pendingFlows.remove(event.thread());
                instant(event, "thread");
            }
            case EventDetail.StateChange ignored -> { }
            case EventDetail.Switch ignored -> { }
            case EventDetail.Syscall ignored -> { }
            case EventDetail.End ignored -> instant(event, "global");
            case EventDetail.Mapping ignored -> instant(event, "global");
            case EventDetail.KernelMapping ignored -> { }
            case EventDetail.Deadline ignored -> { }
            case EventDetail.Items ignored -> { }
            case EventDetail.Unmapping ignored -> instant(event, "global");
            case EventDetail.Rule ignored -> instant(event, "global");
            case EventDetail.Allow ignored -> instant(event, "global");
            default -> instant(event, "thread");
        }
    }

    private void send(TraceEvent event, EventDetail.Send send) {
        ThreadInfo sender = event.thread();
        long start = ipcSliceStart(sender, event.timeNanos());
        String name = (event.kind() == EventKind.FORWARD ? "forward" : "send") + " to " + send.to() + " label "
                + Words.hex(send.message().label());
        slice(name, sender, start, event.timeNanos(), event);
        IpcOption option = send.option();
        if (option == IpcOption.ERROR || option == IpcOption.UNBLOCKING) {
            journeys.abandon(sender);
            return;
        }
        MessageJourneys.Hop hop = journeys.send(event);
        pendingFlows.put(sender, new PendingFlow(hop.journey(), hop.step() == MessageJourneys.Step.FIRST,
                midpoint(start, event.timeNanos()), sender));
    }

    private void deliver(TraceEvent event, EventDetail.Deliver deliver) {
        ThreadInfo receiver = event.thread();
        long start = ipcSliceStart(receiver, event.timeNanos());
        String from = deliver.sender() == null ? "kernel" : deliver.sender().name();
        slice("receive from " + from + " label " + Words.hex(deliver.message().label()), receiver, start,
                event.timeNanos(), event);
        MessageJourneys.Hop hop = journeys.deliver(event, deliver);
        PendingFlow pending = deliver.sender() == null ? null : pendingFlows.remove(deliver.sender());
        if (hop.step() == MessageJourneys.Step.ALONE || pending == null) {
            return;
        }
        flow(pending.first() ? "s" : "t", pending.journey(), pending.thread(), pending.timeNanos());
        flow(hop.step() == MessageJourneys.Step.LAST ? "f" : "t", hop.journey(), receiver,
                midpoint(start, event.timeNanos()));
    }

    /** IPC slices end at the event and start up to a system call earlier, inside the slice that holds them. */
    private long ipcSliceStart(ThreadInfo thread, long time) {
        OpenSlice holder = blocked.containsKey(thread) ? blocked.get(thread) : running.get(thread);
        long earliest = holder == null ? time : holder.startNanos();
        return Math.max(earliest, time - IPC_SLICE_NANOS);
    }

    private static long midpoint(long start, long end) {
        return start + (end - start) / 2;
    }

    private void close(Map<ThreadInfo, OpenSlice> open, ThreadInfo thread, long end) {
        OpenSlice slice = open.remove(thread);
        if (slice != null) {
            slice(slice.name(), thread, slice.startNanos(), end, null);
        }
    }

    private void closeAll(long end) {
        for (ThreadInfo thread : Set.copyOf(running.keySet())) {
            close(running, thread, end);
        }
        for (ThreadInfo thread : Set.copyOf(blocked.keySet())) {
            close(blocked, thread, end);
        }
    }

    private void slice(String name, ThreadInfo thread, long start, long end, TraceEvent event) {
        json.writeStartObject();
        json.writeStringProperty("name", name);
        json.writeStringProperty("cat", event == null ? "state" : "ipc");
        json.writeStringProperty("ph", "X");
        timestamp("ts", start);
        timestamp("dur", end - start);
        ids(thread);
        if (event != null) {
            args(event);
        }
        json.writeEndObject();
    }

    private void instant(TraceEvent event, String scope) {
        json.writeStartObject();
        json.writeStringProperty("name", event.kind().jsonName() + ": " + EventText.describe(event));
        json.writeStringProperty("cat", event.kind().jsonName());
        json.writeStringProperty("ph", "i");
        json.writeStringProperty("s", scope.equals("global") ? "g" : "t");
        timestamp("ts", event.timeNanos());
        if (event.thread() != null) {
            ids(event.thread());
        } else {
            json.writeNumberProperty("pid", 0);
            json.writeNumberProperty("tid", 0);
        }
        args(event);
        json.writeEndObject();
    }

    private void flow(String phase, long journey, ThreadInfo thread, long time) {
        json.writeStartObject();
        json.writeStringProperty("name", "message");
        json.writeStringProperty("cat", "message");
        json.writeStringProperty("ph", phase);
        json.writeNumberProperty("id", journey);
        if (phase.equals("f")) {
            json.writeStringProperty("bp", "e");
        }
        timestamp("ts", time);
        ids(thread);
        json.writeEndObject();
    }

    private void args(TraceEvent event) {
        json.writeName("args");
        json.writeStartObject();
        json.writeNumberProperty("seq", event.seq());
        json.writeNumberProperty("instructions", event.instructions());
        json.writeStringProperty("event", EventText.describe(event));
        json.writeEndObject();
    }

    private void ids(ThreadInfo thread) {
        json.writeNumberProperty("pid", thread.task().number());
        json.writeNumberProperty("tid", thread.number());
    }

    /** Trace event timestamps are microseconds; virtual time is exact nanoseconds, so three decimals. */
    private void timestamp(String name, long nanos) {
        json.writeName(name);
        json.writeNumber(new java.math.BigDecimal(nanos).movePointLeft(3));
    }

    private void metadata(String name, int pid, int tid, String value) {
        metadataEvent(name, pid, tid, () -> json.writeStringProperty("name", value));
    }

    private void metadataNumber(String name, int pid, int tid, int value) {
        metadataEvent(name, pid, tid, () -> json.writeNumberProperty("sort_index", value));
    }

    /** A metadata ("M") event of thread {@code tid} in process {@code pid}, whose one argument {@code argument} writes. */
    private void metadataEvent(String name, int pid, int tid, Runnable argument) {
        json.writeStartObject();
        json.writeStringProperty("name", name);
        json.writeStringProperty("ph", "M");
        json.writeNumberProperty("pid", pid);
        json.writeNumberProperty("tid", tid);
        json.writeName("args");
        json.writeStartObject();
        argument.run();
        json.writeEndObject();
        json.writeEndObject();
    }
}
