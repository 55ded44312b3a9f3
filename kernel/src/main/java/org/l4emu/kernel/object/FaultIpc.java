package org.l4emu.kernel.object;

import org.l4emu.emulator.Trap;

/**
 * A page-fault (S6) or exception IPC the kernel sends on a thread's behalf to its pager or
 * exception handler. The thread's own MR0..MR{n} are saved here while the kernel's message
 * occupies them, and restored when the reply comes, so the fault is invisible to the thread.
 */
public record FaultIpc(Kind kind, Trap trap, int[] savedWords) {
    public enum Kind {
        PAGE_FAULT,
        EXCEPTION
    }
}
