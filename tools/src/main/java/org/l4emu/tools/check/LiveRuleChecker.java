package org.l4emu.tools.check;

import org.l4emu.kernel.trace.KernelView;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.EventTee;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.tools.trace.BytePipe;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceReader;
import org.l4emu.tools.trace.TraceRecorder;

/**
 * The rule checker on a running kernel: the kernel's events are recorded into memory and read
 * back at the end of every trap (and at boot and at the end), so the checker sees exactly what
 * a trace file would hold, without a file. Pass {@link #events()} to {@code Kernel.boot} (with
 * {@link EventTee} beside other observers) and read {@link #checker()} at any time.
 */
public final class LiveRuleChecker {
    private final RuleChecker checker;
    private final BytePipe pipe = new BytePipe();
    private final TraceRecorder recorder = new TraceRecorder(pipe.sink, "live trace",
            TraceHeader.inMemory());
    private final TraceReader reader;
    private final KernelEvents events;

    public LiveRuleChecker() {
        this(new RuleChecker());
    }

    public LiveRuleChecker(RuleChecker checker) {
        this.checker = checker;
        recorder.flush();
        this.reader = new TraceReader(pipe.source, "live trace");
        reader.letDeadThreadsGo();
        this.events = new EventTee(recorder, new KernelEvents() {
            @Override
            public void booted(KernelView kernel) {
                drain();
            }

            @Override
            public void trapHandled(Thread thread) {
                drain();
            }

            @Override
            public void finished(int exitCode) {
                drain();
            }
        });
    }

    /** What the kernel must be given: the recorder, and the checker after each trap. */
    public KernelEvents events() {
        return events;
    }

    public RuleChecker checker() {
        return checker;
    }

    /** Checks every event recorded so far (also what happened outside a trap, such as expired timeouts). */
    public void drain() {
        recorder.flush();
        TraceEvent event;
        while ((event = reader.next()) != null) {
            checker.accept(event);
        }
    }
}
