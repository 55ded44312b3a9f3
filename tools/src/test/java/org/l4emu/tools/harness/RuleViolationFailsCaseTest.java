package org.l4emu.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.tools.check.RuleChecker;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.TaskInfo;
import org.l4emu.tools.trace.ThreadInfo;
import org.l4emu.tools.trace.TraceEvent;

/** A case whose run broke a rule fails, whatever else it expects, and the report names the rule and the event. */
@DisplayName("A rule violation fails a case that otherwise passes")
class RuleViolationFailsCaseTest {
    @Test
    void violationFailsTheCase() {
        RuleChecker rules = new RuleChecker();
        TaskInfo task = new TaskInfo(1, "nil", true, false);
        ThreadInfo nil = new ThreadInfo(1, 0x40001, "nil", task, 0xBFF0_0000);
        rules.accept(new TraceEvent(0, 0, 0, EventKind.THREAD_START, nil, new EventDetail.ThreadStart(0x10000)));
        rules.accept(new TraceEvent(1, 500, 40, EventKind.SYSCALL, nil, new EventDetail.Syscall(1, new int[4])));
        rules.accept(new TraceEvent(2, 500, 40, EventKind.ERROR, nil, new EventDetail.Failure(0x1200)));
        rules.finish();

        Path file = Path.of("nil.test.yaml");
        TestCase testCase = new TestCase(CaseLocation.of(file, Path.of(".")), "", Architecture.ARM, List.of(),
                Path.of("nil.xml"), BootOptions.DEFAULTS, 0, TextExpectation.NONE, TextExpectation.NONE,
                TextExpectation.NONE);
        CaseRun run = new CaseRun(0, "", "", List.of(), rules, Duration.ZERO, null);
        CaseResult result = new CaseChecker(false, Path.of(".")).check(testCase, run);

        assertEquals(CaseResult.Status.FAIL, result.status());
        String report = result.describeProblems();
        assertTrue(report.startsWith("the rule checker found 1 violation (ABI 1)\n"
                + "  event 2 (0.500 us): ABI: ipc(nilthread, nilthread) of nil fails with error 2"), report);
    }
}
