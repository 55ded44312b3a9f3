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
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.SystemDescription;

/**
 * Version 3's flags and echoes (docs/trace-format.md) change the bytes, never the events: a run
 * recorded compactly and the same run recorded with every record in full read back as the same
 * events, field for field, on systems that exercise each echo and each of its exceptions
 * (monitors, deceit, fault IPC, notifications, timeouts, typed items).
 */
class CompactEncodingTest {
    private static final Path GUESTS = Path.of("..", "guest-programs", "target");

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "arm, pingpong.xml", "x86, pingpong.xml", "arm, transparency_one.xml", "arm, transparency_chain.xml",
            "arm, r3_deceit.xml", "x86, r3_deceit_sources.xml", "arm, m6_controlled_synchrony.xml",
            "arm, m5_delay_timeout.xml", "arm, s6_pager.xml", "x86, s6_exception_reply.xml", "arm, s5_map_grant.xml",
            "arm, timeouts.xml", "arm, pump.xml", "x86, m4_send_timeouts.xml"})
    void compactAndInFullReadAsTheSameEvents(String arch, String system) throws Exception {
        Path image = GUESTS.resolve(arch).resolve(system);
        byte[] compact = record(image, TraceRecorder::new);
        byte[] inFull = record(image, TraceRecorder::inFull);
        assertEquals(json(inFull), json(compact), "the events of both encodings");
        assertTrue(compact.length < inFull.length, compact.length + " bytes compact, " + inFull.length + " in full");
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceOutput out = new TraceOutput(bytes, "crafted")) {
            out.raw(TraceFormat.MAGIC);
            out.varint(TraceFormat.VERSION);
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
        SystemDescription description = Boot.describe(image);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceRecorder recorder = recorders.create(bytes, image.toString(),
                TraceHeader.of(description, VirtualClock.NANOS_PER_INSTRUCTION))) {
            Boot.run(description, BootOptions.DEFAULTS, OutputStream.nullOutputStream(),
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
