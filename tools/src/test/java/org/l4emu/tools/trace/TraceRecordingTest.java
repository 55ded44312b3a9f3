package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.tools.CommandLineRun;

/** {@code l4emu boot --trace}: what a recorded trace holds, and that recording changes nothing else. */
class TraceRecordingTest {
    @TempDir
    Path dir;

    static Path record(Path dir, String image) {
        Path trace = dir.resolve(image + ".trace");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CommandLineRun run = CommandLineRun.of("boot", "--quiet", "--trace", trace.toString(), CommandLineRun.guest(image));
        assertEquals(0, run.exitCode(), run.err());
        return trace;
    }

    static List<TraceEvent> events(Path trace) {
        List<TraceEvent> events = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(trace)) {
            TraceEvent event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
            assertTrue(reader.ended(), "the trace ends with the end event");
        }
        return events;
    }

    @Test
    @DisplayName("recording the same image twice gives byte-identical traces")
    void deterministic() throws IOException {
        Path first = record(dir.resolve("a"), "pump.xml");
        Path second = record(dir.resolve("b"), "pump.xml");
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    @DisplayName("recording leaves the console output and exit code as they are")
    void transparent() {
        CommandLineRun plain = CommandLineRun.of("boot", "--quiet", CommandLineRun.guest("pump.xml"));
        CommandLineRun traced = CommandLineRun.of("boot", "--quiet", "--trace", dir.resolve("t").toString(),
                CommandLineRun.guest("pump.xml"));
        assertEquals(plain, traced);
    }

    @Test
    @DisplayName("events are numbered in order, time and instruction counts never go back")
    void ordered() {
        List<TraceEvent> events = events(record(dir, "pump.xml"));
        for (int i = 1; i < events.size(); i++) {
            assertEquals(i, events.get(i).seq());
            assertTrue(events.get(i).timeNanos() >= events.get(i - 1).timeNanos());
            assertTrue(events.get(i).instructions() >= events.get(i - 1).instructions());
        }
        assertEquals(EventKind.END, events.getLast().kind());
    }

    @Test
    @DisplayName("the pump scenario: the client's message passes client_mon, pump and redirector with deceit, in path order")
    void pumpPath() {
        List<TraceEvent> events = events(record(dir, "pump.xml"));
        List<String> firstJourney = events.stream()
                .filter(e -> e.kind() == EventKind.DELIVER && EventFilter.labelOf(e) == 0x4c)
                .limit(4)
                .map(e -> ((EventDetail.Deliver) e.detail()).sender().name() + ">" + e.threadName())
                .toList();
        assertEquals(List.of("client>client_mon", "client_mon>pump", "pump>redirector", "redirector>fs"), firstJourney);
        TraceEvent forward = events.stream().filter(e -> e.kind() == EventKind.FORWARD).findFirst().orElseThrow();
        EventDetail.Send send = (EventDetail.Send) forward.detail();
        assertEquals(IpcOption.DECEIT_CONTROLLING_MONITOR, send.option());
        assertEquals("client", send.block().trueSource().name());
        assertEquals(List.of(1), java.util.Arrays.stream(send.message().words()).boxed().toList());
        TraceEvent release = events.stream().filter(e -> e.kind() == EventKind.UNBLOCK).findFirst().orElseThrow();
        assertEquals("client", release.threadName());
        assertEquals(0, ((EventDetail.Unblock) release.detail()).dope());
    }

    @Test
    @DisplayName("redirect events name each monitor's class as the description gives it (the table's codes on the wire)")
    void monitorClasses() {
        java.util.Map<String, String> classes = new java.util.TreeMap<>();
        for (TraceEvent event : events(record(dir, "r1_path_order.xml"))) {
            if (event.detail() instanceof EventDetail.Redirect redirect) {
                classes.put(redirect.monitor().name(), redirect.monitorClass());
            }
        }
        assertEquals("destination", classes.get("dst_a"));
        assertEquals("source", classes.get("src_a"));
        assertEquals("source", classes.get("src_b"));
        assertEquals("system", classes.get("sys_a"));
    }

    @Test
    @DisplayName("timeouts, console output, thread states and the exit code are recorded")
    void otherKinds() {
        List<TraceEvent> events = events(record(dir, "pump.xml"));
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.TIMEOUT));
        assertTrue(events.stream().anyMatch(e -> e.detail() instanceof EventDetail.Console c
                && c.text().contains("fs2: log 3 from client")));
        assertTrue(events.stream().anyMatch(e -> e.detail() instanceof EventDetail.StateChange s
                && s.state().equals("awaiting_delivery") && e.threadName().equals("client")));
        assertEquals(0, ((EventDetail.End) events.getLast().detail()).exitCode());
    }

    @Test
    @DisplayName("a trace that cannot be created is one line and no stack trace")
    void unwritable() {
        CommandLineRun run = CommandLineRun.of("boot", "--trace", dir.resolve("missing/dir/x.trace").toString(),
                CommandLineRun.guest("hello.elf"));
        assertEquals(2, run.exitCode(), "bad input, checked before the run (docs/abi.md section 4.6)");
        assertTrue(run.err().startsWith("l4emu: --trace ") && run.err().contains("cannot write"), run.err());
        assertFalse(run.err().contains("\tat "));
    }
}
