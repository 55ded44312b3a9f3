package org.l4emu.tools.step;

/** What ends a forward run of the stepper, besides the end of the run itself. */
enum RunMode {
    /** Only the instruction count given to the kernel. */
    INSTRUCTIONS,
    /** The first step that emits an IPC event. */
    NEXT_EVENT,
    /** A code or event breakpoint. */
    BREAKPOINT
}
