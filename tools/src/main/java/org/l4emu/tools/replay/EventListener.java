package org.l4emu.tools.replay;

import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.trace.TraceEvent;

/** What a stepper or debugger hears while the replayed kernel runs; it may ask the kernel to stop. */
public interface EventListener {
    /** An event, decoded exactly as a trace of this run would hold it. */
    void event(TraceEvent event);

    /** A thread arrived at a code breakpoint (it has not executed the instruction). */
    default void codeBreakpoint(Thread thread, int address) {}

    /** The kernel finished a trap: the run can stop here. */
    default void trapHandled(Thread thread) {}
}
