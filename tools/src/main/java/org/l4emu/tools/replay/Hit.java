package org.l4emu.tools.replay;

import org.l4emu.kernel.object.Thread;

/**
 * Why the replayed run stopped for a debugger: a code breakpoint reached, a watched access by a
 * thread, or the kernel writing or mapping watched memory. {@code thread} is the one to show:
 * the thread at the breakpoint, the accessing thread, or for the kernel a thread of the watched
 * task. Positions are filled in when the hit is delivered, at the end of the kernel step.
 */
public sealed interface Hit {
    Thread thread();

    /** The thread stands before the instruction at {@code address} (after an If-Then block: at {@code pc}). */
    record Code(Thread thread, int address) implements Hit {}

    /**
     * The thread's instruction at {@code instruction} read or wrote watched memory and completed;
     * for a write, {@code before} is what the bytes held and {@code value} what was stored.
     */
    record Access(Thread thread, Watchpoint watchpoint, int instruction, int address, int size, boolean write,
                  long before, long value) implements Hit {}

    /** The kernel wrote watched memory, or changed its mapping; {@code cause} says what it did. */
    record Kernel(Thread thread, Watchpoint watchpoint, String cause) implements Hit {}
}
