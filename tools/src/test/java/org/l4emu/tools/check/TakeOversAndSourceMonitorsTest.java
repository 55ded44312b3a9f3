package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;
import org.l4emu.kernel.trace.EventTee;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceRecorder;

/**
 * The checker on option 5 taking over a source's own waiting send next to source-class monitors,
 * as the kernel's tests settle it (R3TakeOverPastSourceMonitorTest, M4TakeOverIntoSourceMonitorTest):
 * a take-over past the source monitor the send waits for is permitted (R3: the source is a
 * blocked source in an IPC whose path holds the forwarder), and a take-over whose forward goes on
 * into a source monitor has no deadline there (M4), so a kernel that gave it the source's would
 * break S3.
 */
class TakeOversAndSourceMonitorsTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    private static final int SEND_1000_US = 1000 << 16;
    private static final int SLEEP_500_US = 500;
    private static final int INSTRUCTIONS_PER_US = 100;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R3: the system monitor's take-over of a send still waiting for the source monitor is "
            + "permitted, and the run checks clean")
    void takeOverPastSourceMonitorPermitted(Architecture architecture) throws BootException {
        LiveRuleChecker rules = new LiveRuleChecker();
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("srcmon")
                .monitorTask("sysmon").task("server")
                .redirect("client", RedirectSpec.ANY_TASK, "srcmon", MonitorClass.SOURCE)
                .redirect("client", "server", "sysmon", MonitorClass.SYSTEM).events(rules.events()).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread srcmon = system.thread("srcmon");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, NEVER, 0);
            srcmon.ipc(ThreadId.NIL, srcmon.id(), SLEEP_500_US, 0);
            passOn(srcmon, server);
            int[] forwardDope = {-1};
            sysmon.step(new Step.Compute(100 * INSTRUCTIONS_PER_US)).message(LABEL | 1, 7)
                    .forward(server.id(), client.id(), client.id(), Abi.Option.DECEIT_BLOCKED_SOURCE, NEVER)
                    .then(m -> forwardDope[0] = m.dope());
            passOn(sysmon, server);
            server.waitForAny();
            system.run();
            assertEquals(0, forwardDope[0]);
            assertEquals(0, client.dope());
        }
        rules.drain();
        assertEquals(0, rules.checker().violationCount(), rules.checker().countsText());
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4, S3: a taken-over IPC forwarded into a busy source monitor waits with no deadline; the "
            + "source's deadline there is an S3 violation, found where it is set")
    void noSourceDeadlineIntoSourceMonitor(Architecture architecture) throws BootException {
        List<TraceEvent> events = recordTakeOverIntoSourceMonitor(architecture);
        assertEquals(0, CheckedGuestRun.check(events).violationCount(), "the kernel's run checks clean");
        TraceEvent clientDeadline = events.stream().filter(e -> e.threadName().equals("client")
                && e.detail() instanceof EventDetail.Deadline d && d.deadlineNanos() != 0).findFirst().orElseThrow();
        List<TraceEvent> edited = new ArrayList<>(events);
        int forward = indexOf(edited, EventKind.FORWARD, "mon");
        TraceEvent at = edited.get(forward);
        edited.add(forward + 1, new TraceEvent(at.seq(), at.timeNanos(), at.instructions(), EventKind.DEADLINE,
                at.thread(), clientDeadline.detail()));
        RuleChecker checker = CheckedGuestRun.check(edited);
        assertTrue(checker.violationCount() > 0, "the source's deadline on a hop into a source monitor passes");
        Violation first = checker.violations().getFirst();
        assertEquals(CheckedRule.S3, first.rule(), first.describe());
        assertEquals(at.timeNanos(), first.timeNanos(), "found where it is set: " + first.describe());
    }

    /**
     * The client's send waits at the M4 check of path [mon (system)]; mon takes it over with
     * option 5 to server2, on whose path mon is a source monitor followed by srcmon2 (R5), busy
     * past the client's send timeout.
     */
    private static List<TraceEvent> recordTakeOverIntoSourceMonitor(Architecture architecture)
            throws BootException {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        LiveRuleChecker rules = new LiveRuleChecker();
        try (TraceRecorder recorder = new TraceRecorder(trace, "take-over", TraceHeader.inMemory());
             ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("mon")
                     .monitorTask("srcmon2").task("server").task("server2")
                     .redirect("client", "server", "mon", MonitorClass.SYSTEM)
                     .redirect("client", "server2", "mon", MonitorClass.SOURCE)
                     .redirect("client", "server2", "srcmon2", MonitorClass.SOURCE)
                     .events(new EventTee(rules.events(), recorder)).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread mon = system.thread("mon");
            ScriptedThread srcmon2 = system.thread("srcmon2");
            ScriptedThread server = system.thread("server");
            ScriptedThread server2 = system.thread("server2");
            server.ipc(ThreadId.NIL, server.id(), NEVER, 0);
            client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, SEND_1000_US, 0);
            mon.step(new Step.Compute(100 * INSTRUCTIONS_PER_US)).message(LABEL | 1, 7)
                    .forward(server2.id(), client.id(), client.id(), Abi.Option.DECEIT_BLOCKED_SOURCE, NEVER);
            srcmon2.step(new Step.Compute(2000 * INSTRUCTIONS_PER_US));
            passOn(srcmon2, server2);
            server2.waitForAny();
            system.run();
            assertEquals(0, mon.dope());
            assertEquals(0, client.dope());
        }
        rules.drain();
        assertEquals(0, rules.checker().violationCount(), rules.checker().countsText());
        return CheckedGuestRun.events(trace.toByteArray(), "take-over");
    }

    /** Receives the next message and forwards it as from its true source (option 4) to {@code to}. */
    private static void passOn(ScriptedThread monitor, ScriptedThread to) {
        monitor.waitForAny()
                .then(m -> m.message(m.mr(0), m.mr(1)).forward(to.id(), m.from(), Abi.Option.DECEIT, NEVER));
    }

    private static int indexOf(List<TraceEvent> events, EventKind kind, String thread) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == kind && events.get(i).threadName().equals(thread)) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " event of " + thread);
    }
}
