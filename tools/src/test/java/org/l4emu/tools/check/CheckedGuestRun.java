package org.l4emu.tools.check;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.trace.EventTee;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceReader;
import org.l4emu.tools.trace.TraceRecorder;

/**
 * A built guest system booted under the live rule checker, with its trace recorded beside it:
 * what the guests printed, how the run ended (a host exception included), what the checker
 * found, and the events, for tests that edit them. The architecture is the system property
 * l4emu.test.arch (arm when unset), as for the other guest-level tests.
 */
record CheckedGuestRun(int exitCode, String console, RuntimeException hostException, RuleChecker checker,
                       List<TraceEvent> events) {
    static final Architecture ARCHITECTURE = Architecture.fromXmlName(System.getProperty("l4emu.test.arch", "arm"));
    static final Path GUESTS = Path.of("..", "guest-programs", "target", ARCHITECTURE.xmlName());

    /** Boots {@code system} under the checker; no events kept. */
    static CheckedGuestRun boot(String system) {
        return boot(system, false);
    }

    /** Boots {@code system} under the checker, keeping its events (for tests that edit them). */
    static CheckedGuestRun bootRecorded(String system) {
        return boot(system, true);
    }

    private static CheckedGuestRun boot(String system, boolean keepEvents) {
        Path file = GUESTS.resolve(system);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: build guest-programs first");
        }
        LiveRuleChecker live = new LiveRuleChecker();
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit = -1;
        RuntimeException host = null;
        try (PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
             TraceRecorder recorder = new TraceRecorder(trace, system, TraceHeader.inMemory())) {
            exit = Boot.run(file, BootOptions.DEFAULTS, console, log,
                    keepEvents ? new EventTee(live.events(), recorder) : live.events());
        } catch (BootException e) {
            throw new IllegalStateException(system + " did not boot: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            host = e;
        }
        live.drain();
        live.checker().finish();
        return new CheckedGuestRun(exit, console.toString(StandardCharsets.UTF_8), host, live.checker(),
                keepEvents ? events(trace.toByteArray(), system) : List.of());
    }

    static List<TraceEvent> events(byte[] trace, String name) {
        List<TraceEvent> events = new ArrayList<>();
        TraceReader reader = new TraceReader(new java.io.ByteArrayInputStream(trace), name);
        TraceEvent event;
        while ((event = reader.next()) != null) {
            events.add(event);
        }
        return events;
    }

    /** The checker's verdict on {@code events}, fed one by one as a trace file would be. */
    static RuleChecker check(List<TraceEvent> events) {
        RuleChecker checker = new RuleChecker();
        events.forEach(checker::accept);
        checker.finish();
        return checker;
    }

    boolean found(CheckedRule rule) {
        return checker.counts().containsKey(rule);
    }

    String report() {
        StringBuilder text = new StringBuilder("exit " + exitCode + (hostException == null ? "" : ", host exception "
                + hostException) + "\n" + console);
        checker.violations().forEach(v -> text.append(v.describe()).append('\n'));
        return text.toString();
    }
}
