package org.l4emu.tools.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.object.Task;
import org.l4emu.tools.CommandLineRun;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceJsonWriter;
import org.l4emu.tools.trace.TraceReader;

/**
 * Breakpoints and watchpoints never change what the guest sees: a run that stops at every one
 * of them and is continued through gives, event for event and word for word, the trace of a
 * plain {@code boot --trace}.
 */
class DebugStopsTraceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("pingpong (ARM ping, Thumb pong on arm) stopped at main, l4_print and a watched MR1 gives the plain trace")
    void sameTraceWithStops(String arch) throws IOException, BootException {
        Path system = CommandLineRun.GUESTS.resolveSibling(arch).resolve("pingpong.xml");
        Path trace = dir.resolve("plain.trace");
        CommandLineRun plain = CommandLineRun.of("boot", "--quiet", "--trace", trace.toString(), system.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        List<String> expected = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(trace)) {
            TraceEvent event;
            while ((event = reader.next()) != null) {
                expected.add(json(event));
            }
        }

        List<String> heard = new ArrayList<>();
        int[] stops = {0};
        EventListener listener = new EventListener() {
            @Override
            public void event(TraceEvent event) {
                heard.add(json(event));
            }

            @Override
            public void hit(Hit hit) {
                stops[0]++;
            }
        };
        BootOptions options = new BootOptions(BootOptions.FROM_DESCRIPTION, BootOptions.UNLIMITED, false, true);
        try (Replay replay = Replay.open(system, options, listener)) {
            for (Task task : replay.view().threads().tasks()) {
                for (String symbol : List.of("main", "l4_print")) {
                    replay.symbol(task.name(), symbol).ifPresent(address -> replay.points().add(
                            new CodeBreakpoint(replay.instructionSet().codeAddress(address), task.name())));
                }
            }
            int utcb = replay.view().threads().task("pong").firstThread().utcbAddress();
            replay.points().add(new Watchpoint("pong", utcb + 4, 4, Watchpoint.Kind.ACCESS));
            replay.pointsChanged();
            replay.armDebugStops(true);
            while (!replay.ended()) {
                replay.resumeOverBreakpoints();
                replay.run();
            }
        }
        assertTrue(stops[0] >= 15, "stopped at every breakpoint and watched access: " + stops[0]);
        assertEquals(expected, heard);
    }

    private static String json(TraceEvent event) {
        StringWriter text = new StringWriter();
        TraceJsonWriter writer = new TraceJsonWriter(text);
        writer.event(event);
        writer.close();
        return text.toString();
    }
}
