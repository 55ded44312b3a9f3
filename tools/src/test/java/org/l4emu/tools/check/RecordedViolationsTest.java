package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.tools.fuzz.AttackClass;
import org.l4emu.tools.fuzz.FuzzOptions;
import org.l4emu.tools.fuzz.FuzzOutcome;
import org.l4emu.tools.fuzz.FuzzSystem;
import org.l4emu.tools.fuzz.kernel.KernelFuzzRun;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.TraceEvent;

/**
 * Each oracle bites: a recorded clean trace with one event changed the way a broken kernel would
 * have reported it is caught by the rule the change breaks, at that event; so is the same change
 * in a run of the kernel-level fuzzer. (The real kernel mutations, one line each, are in
 * docs/checker.md with what finds them.)
 */
class RecordedViolationsTest {
    private static List<TraceEvent> pump;
    private static List<TraceEvent> allowRules;
    private static List<TraceEvent> mapGrant;
    private static List<TraceEvent> kernelFuzz;

    @BeforeAll
    static void record() {
        pump = clean("pump.xml");
        allowRules = clean("p1_allow_rules.xml");
        mapGrant = clean("s5_map_grant.xml");
    }

    private static List<TraceEvent> clean(String system) {
        CheckedGuestRun run = CheckedGuestRun.bootRecorded(system);
        assertEquals(0, run.checker().violationCount(), run::report);
        assertEquals(0, CheckedGuestRun.check(run.events()).violationCount(), "the same events, read back");
        return run.events();
    }

    @Test
    @DisplayName("R4: the final receiver of a monitored IPC shown the R bit")
    void redirectedBitShownToDestination() {
        Edit edit = edit(pump, e -> e.detail() instanceof EventDetail.Deliver d && e.threadName().equals("fs")
                && d.sender() != null, e -> {
                    EventDetail.Deliver d = (EventDetail.Deliver) e.detail();
                    return with(e, new EventDetail.Deliver(d.sender(), d.from(), d.tag(), d.dope() | 0x10, d.words(),
                            d.senderTag(), d.wordsWritten()));
                });
        assertFirst(edit, CheckedRule.R4);
    }

    @Test
    @DisplayName("R3: a monitor's forward claiming a true source it watches no IPC of")
    void deceitForAnotherSource() {
        TraceEvent fs = pump.stream().filter(e -> e.kind() == EventKind.THREAD_START && e.threadName().equals("fs2"))
                .findFirst().orElseThrow();
        Edit edit = edit(pump, e -> e.kind() == EventKind.FORWARD && e.threadName().equals("pump"), e -> {
            EventDetail.Send s = (EventDetail.Send) e.detail();
            EventDetail.ParameterBlock b = s.block();
            return with(e, new EventDetail.Send(s.to(), s.tag(), s.sendDescriptor(), s.words(),
                    new EventDetail.ParameterBlock(new org.l4emu.tools.trace.ThreadRef(fs.thread().id(), fs.thread()),
                            b.blockedSource(), b.controllingMonitor(), b.delayMicros()), s.mr1()));
        });
        assertFirst(edit, CheckedRule.R3);
    }

    @Test
    @DisplayName("M1: a source held by monitors shown running before final delivery")
    void releasedAtMonitorReceipt() {
        Edit edit = edit(pump, e -> e.detail() instanceof EventDetail.StateChange s
                && s.state().equals("awaiting_delivery") && e.threadName().equals("client"),
                e -> with(e, new EventDetail.StateChange("receiving")));
        assertFirst(edit, CheckedRule.M1);
    }

    @Test
    @DisplayName("S3: a timeout set one tick longer than the thread asked for, then firing early")
    void deadlineOffByOneTick() {
        Edit edit = edit(pump, e -> e.detail() instanceof EventDetail.Deadline d && d.deadlineNanos() != 0,
                e -> with(e, new EventDetail.Deadline(((EventDetail.Deadline) e.detail()).deadlineNanos() + 10)));
        assertFirst(edit, CheckedRule.S3);
    }

    @Test
    @DisplayName("S5: a delivery that wrote one word past the message")
    void wordPastTheMessage() {
        Edit edit = edit(pump, e -> e.detail() instanceof EventDetail.Deliver d && d.sender() != null, e -> {
            EventDetail.Deliver d = (EventDetail.Deliver) e.detail();
            return with(e, new EventDetail.Deliver(d.sender(), d.from(), d.tag(), d.dope(), d.words(), d.senderTag(),
                    d.wordsWritten() + 1));
        });
        assertFirst(edit, CheckedRule.S5);
    }

    @Test
    @DisplayName("P1: sends refused for an allow rule the kernel never had")
    void refusedWithoutAllowRule() {
        List<TraceEvent> events = new ArrayList<>(allowRules);
        assertTrue(events.removeIf(e -> e.kind() == EventKind.ALLOW), "the system has allow rules");
        RuleChecker checker = CheckedGuestRun.check(events);
        assertTrue(checker.counts().containsKey(CheckedRule.P1), describe(checker));
    }

    @Test
    @DisplayName("M2: final delivery of an IPC with a controlling monitor that is never notified")
    void controllerNotNotified() {
        List<TraceEvent> events = new ArrayList<>(pump);
        TraceEvent notify = events.stream().filter(e -> e.kind() == EventKind.NOTIFY).findFirst().orElseThrow();
        events.remove(notify);
        RuleChecker checker = CheckedGuestRun.check(events);
        assertTrue(checker.counts().containsKey(CheckedRule.M2), describe(checker));
    }

    @Test
    @DisplayName("P3: a deleted task whose pages are never revoked")
    void deletedTaskKeepsItsPages() {
        List<TraceEvent> events = new ArrayList<>(CheckedGuestRun.bootRecorded("thread_control.xml").events());
        events.removeIf(e -> e.kind() == EventKind.UNMAP);
        RuleChecker checker = CheckedGuestRun.check(events);
        assertTrue(checker.counts().containsKey(CheckedRule.P3), describe(checker));
    }

    @Test
    @DisplayName("ISO: a map of a page its sender does not hold")
    void mapOfAPageNotHeld() {
        Edit edit = edit(mapGrant, e -> e.detail() instanceof EventDetail.Mapping m && !m.grant(), e -> {
            EventDetail.Mapping m = (EventDetail.Mapping) e.detail();
            return with(e, new EventDetail.Mapping(m.task(), m.address(), m.rightsBits(), false, m.sourceTask(),
                    0x7000_0000));
        });
        assertFirst(edit, CheckedRule.ISO);
    }

    @Test
    @DisplayName("S5: a map item landing on the receiver's boot info page")
    void mapOntoBootInfo() {
        Edit edit = edit(mapGrant, e -> e.detail() instanceof EventDetail.Mapping, e -> {
            EventDetail.Mapping m = (EventDetail.Mapping) e.detail();
            return with(e, new EventDetail.Mapping(m.task(), 0xBFFF_0000, m.rightsBits(), m.grant(), m.sourceTask(),
                    m.sourceAddress()));
        });
        assertFirst(edit, CheckedRule.S5);
    }

    /** The kernel-level fuzzer's default run (all classes), recorded: the same edits bite there too. */
    private static List<TraceEvent> kernelFuzz() {
        if (kernelFuzz == null) {
            try {
                Path trace = Files.createTempFile("kernel-fuzz", ".trace");
                try {
                    FuzzOutcome outcome = KernelFuzzRun.run(new FuzzOptions(1, 20_000, FuzzSystem.DEFAULT_FUZZERS,
                            Architecture.ARM, AttackClass.all(), true, null, trace),
                            new PrintStream(OutputStream.nullOutputStream()), count -> { }, new LiveRuleChecker());
                    assertTrue(outcome.clean(), String.valueOf(outcome.violation()));
                    kernelFuzz = CheckedGuestRun.events(Files.readAllBytes(trace), "kernel-fuzz.trace");
                } finally {
                    Files.deleteIfExists(trace);
                }
            } catch (IOException | BootException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(0, CheckedGuestRun.check(kernelFuzz).violationCount(), "the kernel-level run checks clean");
        }
        return kernelFuzz;
    }

    @Test
    @DisplayName("kernel-level fuzz run: S3, a timeout set one tick long")
    void kernelFuzzDeadlineOffByOneTick() {
        Edit edit = edit(kernelFuzz(), e -> e.detail() instanceof EventDetail.Deadline d && d.deadlineNanos() != 0,
                e -> with(e, new EventDetail.Deadline(((EventDetail.Deadline) e.detail()).deadlineNanos() + 10)));
        assertFirst(edit, CheckedRule.S3);
    }

    @Test
    @DisplayName("kernel-level fuzz run: S5, a delivery one word past the message")
    void kernelFuzzWordPastTheMessage() {
        Edit edit = edit(kernelFuzz(), e -> e.detail() instanceof EventDetail.Deliver d && d.sender() != null, e -> {
            EventDetail.Deliver d = (EventDetail.Deliver) e.detail();
            return with(e, new EventDetail.Deliver(d.sender(), d.from(), d.tag(), d.dope(), d.words(), d.senderTag(),
                    d.wordsWritten() + 1));
        });
        assertFirst(edit, CheckedRule.S5);
    }

    @Test
    @DisplayName("kernel-level fuzz run: S5, a map item placed one page off where its send base puts it")
    void kernelFuzzItemPlacedOff() {
        Edit edit = edit(kernelFuzz(), e -> e.detail() instanceof EventDetail.Mapping m && !m.grant(), e -> {
            EventDetail.Mapping m = (EventDetail.Mapping) e.detail();
            return with(e, new EventDetail.Mapping(m.task(), m.address() ^ 0x1000, m.rightsBits(), false, m.sourceTask(),
                    m.sourceAddress()));
        });
        assertFirst(edit, CheckedRule.S5);
    }

    /** A trace with its first event matching {@code which} replaced by {@code change}. */
    private record Edit(List<TraceEvent> events, long seq) {}

    private static Edit edit(List<TraceEvent> events, Predicate<TraceEvent> which, UnaryOperator<TraceEvent> change) {
        List<TraceEvent> edited = new ArrayList<>(events);
        for (int i = 0; i < edited.size(); i++) {
            if (which.test(edited.get(i))) {
                edited.set(i, change.apply(edited.get(i)));
                return new Edit(edited, edited.get(i).seq());
            }
        }
        throw new AssertionError("no event to change");
    }

    private static TraceEvent with(TraceEvent event, EventDetail detail) {
        return new TraceEvent(event.seq(), event.timeNanos(), event.instructions(), event.kind(), event.thread(),
                detail);
    }

    /**
     * The change is reported as breaking {@code rule}, at the changed event or in its kernel step,
     * and nothing before it is (other rules the same change breaks may come first).
     */
    private static void assertFirst(Edit edit, CheckedRule rule) {
        RuleChecker checker = CheckedGuestRun.check(edit.events());
        assertTrue(checker.violationCount() > 0, "nothing found");
        long changedTime = edit.events().stream().filter(e -> e.seq() == edit.seq()).findFirst().orElseThrow()
                .timeNanos();
        Violation first = checker.violations().getFirst();
        assertTrue(first.seq() >= edit.seq() || first.timeNanos() == changedTime, describe(checker));
        Violation ofRule = checker.violations().stream().filter(v -> v.rule() == rule).findFirst().orElse(null);
        assertTrue(ofRule != null && (ofRule.seq() == first.seq() || ofRule.timeNanos() == changedTime),
                describe(checker));
    }

    private static String describe(RuleChecker checker) {
        StringBuilder text = new StringBuilder();
        checker.violations().forEach(v -> text.append(v.describe()).append('\n'));
        return text.toString();
    }
}
