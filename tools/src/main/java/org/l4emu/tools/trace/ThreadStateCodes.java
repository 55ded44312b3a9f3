package org.l4emu.tools.trace;

import org.l4emu.kernel.object.ThreadState;

/** The wire byte of each kernel thread state (an index into {@link TraceFormat#STATES}). */
final class ThreadStateCodes {
    private ThreadStateCodes() {}

    static int of(ThreadState state) {
        return switch (state) {
            case HALTED -> 0;
            case READY -> 1;
            case SENDING -> 2;
            case AWAITING_DELIVERY -> 3;
            case RECEIVING -> 4;
            case STOPPED -> 5;
            case DEAD -> 6;
        };
    }
}
