package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.SystemDescription;

/**
 * Version 3's flags and echoes and version 4's trap records (docs/trace-format.md) change the
 * bytes, never the events: a run recorded in version 4, in version 3, and with every record in
 * full reads back as the same events, field for field, on systems that exercise each echo and
 * each of its exceptions (monitors, deceit, fault IPC, notifications, timeouts, typed items).
 */
class CompactEncodingTest {
    private static final Path GUESTS = Path.of("..", "guest-programs", "target");

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "arm, pingpong.xml", "x86, pingpong.xml", "arm, transparency_one.xml", "arm, transparency_chain.xml",
            "arm, r3_deceit.xml", "x86, r3_deceit_sources.xml", "arm, m6_controlled_synchrony.xml",
            "arm, m5_delay_timeout.xml", "arm, s6_pager.xml", "x86, s6_exception_reply.xml", "arm, s5_map_grant.xml",
            "arm, timeouts.xml", "arm, pump.xml", "x86, m4_send_timeouts.xml", "arm, m6_endings.xml",
            "x86, hostile_dying_client.xml", "arm, m7_unreliable_send.xml", "x86, s2_refused_send.xml"})
    void compactAndInFullReadAsTheSameEvents(String arch, String system) throws Exception {
        Path image = GUESTS.resolve(arch).resolve(system);
        byte[] compact = record(image, TraceRecorder::new);
        byte[] version3 = record(image, CompactEncodingTest::version3);
        byte[] inFull = record(image, TraceRecorder::inFull);
        String events = json(inFull);
        assertEquals(events, json(version3), "the events of version 3 and in full");
        assertEquals(events, json(compact), "the events of version 4 and in full");
        assertTrue(version3.length < inFull.length, version3.length + " bytes in version 3, " + inFull.length + " in full");
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"arm, bench_ring.xml", "x86, bench_same.xml", "arm, bench_monitor_one.xml",
            "x86, bench_monitor_controlling.xml", "arm, bench_monitor_three.xml", "x86, bench_tasks.xml"})
    @DisplayName("the benchmark guests' first 200,000 instructions: the same events in version 4 and in full")
    void repeatedTrapsReadAsTheSameEvents(String arch, String system) throws Exception {
        Path image = GUESTS.resolve(arch).resolve(system);
        BootOptions someRoundTrips = new BootOptions(BootOptions.FROM_DESCRIPTION, 200_000, false, false);
        assertEquals(json(record(image, TraceRecorder::inFull, someRoundTrips)),
                json(record(image, TraceRecorder::new, someRoundTrips)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"arm", "x86"})
    @DisplayName("a round trip that repeats the last one is two repeat records: less than half of version 3's bytes")
    void roundTripsAreRepeats(String arch) throws Exception {
        Path image = GUESTS.resolve(arch).resolve("bench_cross.xml");
        BootOptions someRoundTrips = new BootOptions(BootOptions.FROM_DESCRIPTION, 200_000, false, false);
        byte[] compact = record(image, TraceRecorder::new, someRoundTrips);
        byte[] version3 = record(image, CompactEncodingTest::version3, someRoundTrips);
        assertEquals(json(version3), json(compact));
        assertTrue(compact.length * 2 < version3.length, compact.length + " bytes, " + version3.length + " in version 3");
    }

    private static TraceRecorder version3(OutputStream sink, String name, TraceHeader header) {
        return new TraceRecorder(sink, name, new TraceHeader(TraceFormat.TRAP_RECORDS - 1, header.system(),
                header.arch(), header.image(), header.nanosPerInstruction()));
    }

    @Test
    @DisplayName("a repeat without a template, or a template that is not one ipc trap, is a malformed trace")
    void trapRecordsOutOfPlaceAreMalformed() {
        assertMalformed("a repeat of thread 1, which has no template", out -> repeat(out));
        assertMalformed("template events 6 exceeds 5", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(6);
        });
        assertMalformed("a template of no events", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(0);
        });
        assertMalformed("a template that does not start with a thread's ipc syscall", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(1);
            clockCall(out);
        });
        assertMalformed("a template that is not one ipc trap (console after syscall)", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(2);
            ipcCall(out);
            out.u8(EventKind.CONSOLE.code() | TraceFormat.SAME_INSTANT | TraceFormat.SAME_THREAD);
            out.varint(0);
        });
        assertMalformed("a template that is not one ipc trap (state after syscall)", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(2);
            ipcCall(out);
            out.u8(EventKind.STATE.code() | TraceFormat.SAME_INSTANT | TraceFormat.SAME_THREAD);
            out.u8(ThreadStateCodes.of(ThreadState.DEAD));
        });
        assertMalformed("a template that does not start with a thread's ipc syscall", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(1);
            event(out, EventKind.STATE);
            out.u8(1);
        });
        assertMalformed("a template inside a template", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(2);
            out.u8(TraceFormat.TEMPLATE);
        });
        assertMalformed("a repeat inside a template", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(2);
            ipcCall(out);
            repeat(out);
        });
        assertMalformed("a template whose events are not at one instant", out -> {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(2);
            ipcCall(out);
            out.u8(EventKind.STATE.code() | TraceFormat.SAME_THREAD);
            out.varint(1);
            out.varint(10);
            out.u8(1);
        });
        assertMalformed(TraceFormat.TRAP_RECORDS - 1, "unknown record type 0x4", out -> repeat(out));
    }

    /** A repeat record of thread 1 with no words, one instruction on. */
    private static void repeat(TraceOutput out) {
        out.u8(TraceFormat.REPEAT);
        out.varint(1);
        out.varint(10);
        out.varint(1);
    }

    /** Thread 1's receive-only ipc syscall, all four arguments 0. */
    private static void ipcCall(TraceOutput out) {
        event(out, EventKind.SYSCALL);
        out.u8(TraceFormat.SYSCALL_IN_FULL);
        out.word(Abi.Syscall.IPC);
        for (int i = 0; i < 4; i++) {
            out.word(0);
        }
    }

    /** Thread 1's system_clock syscall, which reads no arguments. */
    private static void clockCall(TraceOutput out) {
        event(out, EventKind.SYSCALL);
        out.u8(TraceFormat.SYSCALL_IN_FULL);
        out.word(Abi.Syscall.SYSTEM_CLOCK);
    }

    @Test
    @DisplayName("an echo with nothing to echo, an unknown form or a flagged definition is a malformed trace")
    void echoesOfNothingAreMalformed() {
        assertMalformed("a send as called that does not follow its thread's ipc", out -> {
            event(out, EventKind.SEND);
            out.u8(TraceFormat.SEND_AS_CALLED);
        });
        assertMalformed("a delivery as sent that does not follow a send", out -> {
            event(out, EventKind.DELIVER);
            out.u8(TraceFormat.DELIVER_AS_SENT);
        });
        assertMalformed("unknown deliver form 7", out -> {
            event(out, EventKind.DELIVER);
            out.u8(7);
        });
        assertMalformed("unknown send form 2", out -> {
            event(out, EventKind.SEND);
            out.u8(2);
        });
        assertMalformed("a syscall that repeats the one 1 back, with fewer before it", out -> {
            event(out, EventKind.SYSCALL);
            out.u8(1);
        });
        assertMalformed("a syscall that repeats the one 5 back, with fewer before it", out -> {
            event(out, EventKind.SYSCALL);
            out.u8(0);
            out.word(Abi.Syscall.SYSTEM_CLOCK);
            event(out, EventKind.SYSCALL);
            out.u8(RecentSyscalls.DEPTH + 1);
        });
        assertMalformed("a state event that names no thread", out -> {
            out.u8(EventKind.STATE.code());
            out.varint(0);
            out.varint(0);
            out.varint(TraceFormat.NO_THREAD);
            out.u8(6);
        });
        assertMalformed("unknown record type 0x41", out -> out.u8(TraceFormat.DEFINE_TASK | TraceFormat.SAME_INSTANT));
    }

    /** An event of {@code kind} by thread 1 at time 0, without its fields. */
    private static void event(TraceOutput out, EventKind kind) {
        out.u8(kind.code());
        out.varint(0);
        out.varint(0);
        out.varint(1);
    }

    private static void assertMalformed(String problem, Consumer<TraceOutput> records) {
        assertMalformed(TraceFormat.VERSION, problem, records);
    }

    private static void assertMalformed(int version, String problem, Consumer<TraceOutput> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceOutput out = new TraceOutput(bytes, "crafted")) {
            out.raw(TraceFormat.MAGIC);
            out.varint(version);
            for (String field : new String[] {"crafted", "arm", "crafted.elf"}) {
                out.string(field);
            }
            out.varint(VirtualClock.NANOS_PER_INSTRUCTION);
            out.u8(TraceFormat.DEFINE_TASK);
            out.string("task");
            out.u8(0);
            out.u8(TraceFormat.DEFINE_THREAD);
            out.word(0x40001);
            out.string("task");
            out.varint(1);
            out.word(0xbff00000);
            records.accept(out);
        }
        try (TraceReader reader = new TraceReader(new ByteArrayInputStream(bytes.toByteArray()), "crafted")) {
            TraceException thrown = assertThrows(TraceException.class, () -> {
                while (reader.next() != null) {
                    // read to the bad record
                }
            });
            assertTrue(thrown.getMessage().contains("malformed trace") && thrown.getMessage().contains(problem),
                    thrown.getMessage());
        }
    }

    private interface RecorderFactory {
        TraceRecorder create(OutputStream sink, String name, TraceHeader header);
    }

    private static byte[] record(Path image, RecorderFactory recorders) throws Exception {
        return record(image, recorders, BootOptions.DEFAULTS);
    }

    private static byte[] record(Path image, RecorderFactory recorders, BootOptions options) throws Exception {
        SystemDescription description = Boot.describe(image);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceRecorder recorder = recorders.create(bytes, image.toString(),
                TraceHeader.of(description, VirtualClock.NANOS_PER_INSTRUCTION))) {
            Boot.run(description, options, OutputStream.nullOutputStream(),
                    new PrintStream(OutputStream.nullOutputStream()), recorder);
        }
        return bytes.toByteArray();
    }

    private static String json(byte[] trace) {
        StringWriter text = new StringWriter();
        try (TraceReader reader = new TraceReader(new ByteArrayInputStream(trace), "trace");
             TraceJsonWriter writer = new TraceJsonWriter(text)) {
            writer.header(reader.header());
            TraceEvent event;
            while ((event = reader.next()) != null) {
                writer.event(event);
            }
            assertTrue(reader.ended(), "the trace ends with the end event");
        }
        return text.toString();
    }
}
