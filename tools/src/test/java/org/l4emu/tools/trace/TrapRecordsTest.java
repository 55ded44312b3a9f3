package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.TaskSpec;

/**
 * Version 4's trap records (docs/trace-format.md) on ipc traps that look alike but differ in one
 * field: the same call with another label, another word count or other words, and a call that
 * finds its server waiting against one that does not. Each must read back as the events it was,
 * as a recording with every record in full says, and the repeats must really occur.
 */
class TrapRecordsTest {
    private static final int LABEL_A = 0xA << 16;
    private static final int LABEL_B = 0xB << 16;
    private static final int[][] CALLS = {
            {LABEL_A | 1, 7}, {LABEL_A | 1, 8}, {LABEL_A | 1, 8}, {LABEL_B | 1, 8}, {LABEL_A | 2, 8, 9},
            {LABEL_A | 2, 8, 9}, {LABEL_A}, {LABEL_A}, {LABEL_A | 1, 7}, {LABEL_B | 1, 7}, {LABEL_A | 1, 7},
            {LABEL_A | 1, 7}, {LABEL_A | 1, 7}, {LABEL_A | 1, 7}};

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("calls that differ from the last in label, word count, words or the server's readiness read back as they were")
    void alikeTrapsReadBackAsTheyWere(Architecture architecture) throws BootException {
        byte[] held = run(architecture, TraceRecorder::new);
        byte[] version3 = run(architecture, TrapRecordsTest::version3);
        List<String> events = events(run(architecture, TraceRecorder::inFull));
        assertEquals(events, events(version3));
        assertEquals(events, events(held));
        // Templates only add to version 3's bytes: fewer means some traps were repeats.
        assertTrue(held.length < version3.length, held.length + " bytes, " + version3.length + " in version 3");
    }

    private static TraceRecorder version3(OutputStream sink, String name, TraceHeader header) {
        return new TraceRecorder(sink, name, new TraceHeader(TraceFormat.TRAP_RECORDS - 1, header.system(),
                header.arch(), header.image(), header.nanosPerInstruction()));
    }

    private interface RecorderFactory {
        TraceRecorder create(OutputStream sink, String name, TraceHeader header);
    }

    /**
     * The client calls the server with each message of CALLS. Every third reply the server sends
     * and computes before it waits again: the client, of a higher priority, runs at once and finds
     * it busy.
     */
    private static byte[] run(Architecture architecture, RecorderFactory recorders) throws BootException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceRecorder recorder = recorders.create(bytes, "scripted", TraceHeader.inMemory());
             ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").task("server")
                     .priority("client", TaskSpec.DEFAULT_PRIORITY + 1).events(recorder).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            server.waitForAny();
            for (int i = 0; i < CALLS.length; i++) {
                int[] call = CALLS[i];
                client.message(call[0], Arrays.copyOfRange(call, 1, call.length)).call(server);
                server.message(call[0], i);
                if (i % 3 == 2) {
                    server.send(client).step(new Step.Compute(500)).waitForAny();
                } else {
                    server.replyAndWait(client.id());
                }
            }
            client.exit();
            system.run();
        }
        return bytes.toByteArray();
    }

    /** The events as JSON lines. */
    private static List<String> events(byte[] trace) {
        StringWriter text = new StringWriter();
        try (TraceReader reader = new TraceReader(new ByteArrayInputStream(trace), "trace");
             TraceJsonWriter writer = new TraceJsonWriter(text)) {
            TraceEvent event;
            while ((event = reader.next()) != null) {
                writer.event(event);
            }
        }
        return List.of(text.toString().split("\n"));
    }
}
