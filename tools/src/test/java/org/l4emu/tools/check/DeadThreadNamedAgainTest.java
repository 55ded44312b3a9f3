package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.tools.trace.EventDetail;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.TaskInfo;
import org.l4emu.tools.trace.ThreadInfo;
import org.l4emu.tools.trace.TraceEvent;

/**
 * The recorder lets a dead thread's number go; an event that names the thread again (the
 * intended receiver of a message sent before it died) defines it anew, and the recorder's state
 * scan then reports it dead. Such a thread is never alive: when its task is freed, its UTCB
 * page going is no isolation problem (the 100-million-call fuzz run's ISO reports).
 */
class DeadThreadNamedAgainTest {
    private static final int UTCB = 0xBFF0_0000;
    private static final int UTCB_PAGE_RIGHTS = 6;

    private final List<TraceEvent> events = new ArrayList<>();
    /** The kernel step the next events belong to: the events of one step share its time. */
    private long now;

    private void event(EventKind kind, ThreadInfo thread, EventDetail detail) {
        events.add(new TraceEvent(events.size(), now, events.size(), kind, thread, detail));
    }

    @Test
    @DisplayName("ISO: a thread defined again after its death is not alive when its task's pages go")
    void threadNamedAfterItsDeathIsNeverAlive() {
        TaskInfo task = new TaskInfo(1, "worker", false, false);
        ThreadInfo first = new ThreadInfo(1, 0x0004_0001, "worker.a", task, UTCB);
        ThreadInfo second = new ThreadInfo(2, 0x0004_4001, "worker.b", task, UTCB + 0x200);
        event(EventKind.KERNEL_MAP, null, new EventDetail.KernelMapping(task, UTCB, UTCB_PAGE_RIGHTS));
        event(EventKind.THREAD_START, first, new EventDetail.ThreadStart(0x1000));
        event(EventKind.THREAD_START, second, new EventDetail.ThreadStart(0x1000));
        now = 1_000;
        event(EventKind.THREAD_EXIT, first, new EventDetail.ThreadExit("deleted"));
        event(EventKind.STATE, first, new EventDetail.StateChange("dead"));
        now = 2_000;
        ThreadInfo firstAgain = new ThreadInfo(3, first.id(), first.name(), task, UTCB);
        event(EventKind.STATE, firstAgain, new EventDetail.StateChange("dead"));
        now = 3_000;
        event(EventKind.THREAD_EXIT, second, new EventDetail.ThreadExit("deleted"));
        event(EventKind.UNMAP, null, new EventDetail.Unmapping(task, UTCB, 0));
        event(EventKind.STATE, second, new EventDetail.StateChange("dead"));
        event(EventKind.END, null, new EventDetail.End(0));

        RuleChecker checker = new RuleChecker();
        events.forEach(checker::accept);
        checker.finish();
        assertEquals(0, checker.violationCount(), checker.countsText() + " " + checker.violations());
    }
}
