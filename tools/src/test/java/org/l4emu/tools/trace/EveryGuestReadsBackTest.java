package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.SystemDescription;

/**
 * Every system the project builds, on both architectures, records the same events with trap
 * records (version 4) as with every record in full, field for field: the first 500,000
 * instructions of each, which covers the benchmarks' round trips too.
 */
class EveryGuestReadsBackTest {
    private static final Path GUESTS = Path.of("..", "guest-programs", "target");
    private static final BootOptions FIRST_INSTRUCTIONS =
            new BootOptions(BootOptions.FROM_DESCRIPTION, 500_000, false, true);

    static List<String> systems() throws IOException {
        try (Stream<Path> arm = Files.list(GUESTS.resolve("arm")); Stream<Path> x86 = Files.list(GUESTS.resolve("x86"))) {
            return Stream.concat(arm, x86)
                    .filter(path -> path.getFileName().toString().endsWith(".xml"))
                    .map(path -> path.getParent().getFileName() + "/" + path.getFileName())
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void trapRecordsReadBackAsEveryEvent(String system) throws Exception {
        Path image = GUESTS.resolve(system);
        try (TraceReader held = reader(record(image, true)); TraceReader inFull = reader(record(image, false))) {
            long events = 0;
            TraceEvent expected;
            while ((expected = inFull.next()) != null) {
                assertEquals(json(expected), json(held.next()), "event " + events);
                events++;
            }
            assertNull(held.next(), "an event after the last");
            assertTrue(events > 0);
        }
    }

    private static byte[] record(Path image, boolean compact) throws Exception {
        SystemDescription description = Boot.describe(image);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceHeader header = TraceHeader.of(description, VirtualClock.NANOS_PER_INSTRUCTION);
        try (TraceRecorder recorder = compact ? new TraceRecorder(bytes, "held", header)
                : TraceRecorder.inFull(bytes, "in full", header)) {
            Boot.run(description, FIRST_INSTRUCTIONS, OutputStream.nullOutputStream(),
                    new PrintStream(OutputStream.nullOutputStream()), recorder);
        }
        return bytes.toByteArray();
    }

    private static TraceReader reader(byte[] trace) {
        return new TraceReader(new ByteArrayInputStream(trace), "trace");
    }

    private static String json(TraceEvent event) {
        if (event == null) {
            return "no event";
        }
        StringWriter text = new StringWriter();
        try (TraceJsonWriter writer = new TraceJsonWriter(text)) {
            writer.event(event);
        }
        return text.toString();
    }
}
