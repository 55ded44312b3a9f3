package org.l4emu.tools.replay;

import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.trace.TraceEvent;

/** What a stepper or debugger hears while the replayed kernel runs; it may ask the kernel to stop. */
public interface EventListener {
    /** An event, decoded exactly as a trace of this run would hold it. */
    void event(TraceEvent event);

    /** The run stopped at a breakpoint or watchpoint (heard only while debug stops are armed). */
    default void hit(Hit hit) {}

    /** The kernel finished a trap: the run can stop here. */
    default void trapHandled(Thread thread) {}

    /**
     * A line of the kernel's messages (standard error of {@code l4emu boot}: a fault nothing
     * resolved, a deadlock, a limit), after {@code events} events; heard again when a replay
     * passes it again.
     */
    default void kernelMessage(String line, long events) {}
}
