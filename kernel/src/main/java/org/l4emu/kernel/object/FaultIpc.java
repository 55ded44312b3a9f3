package org.l4emu.kernel.object;

import org.l4emu.emulator.Trap;
import org.l4emu.kernel.ipc.FaultReplies;

/**
 * A page-fault (S6) or exception IPC the kernel sends on a thread's behalf to its pager or
 * exception handler. The message lives here, not in the thread's UTCB, so the fault is
 * invisible to the thread and other threads of its task cannot change what the handler gets.
 * {@code replies} hears how the IPC ends.
 */
public record FaultIpc(Kind kind, Trap trap, FaultReplies replies) {
    public enum Kind {
        PAGE_FAULT,
        EXCEPTION
    }

    /**
     * A reply to a page fault takes mappings anywhere in the thread's space (ABI section 2.5); a
     * reply to an exception only through the thread's own receive window, as in L4 X.2.
     */
    public boolean replyMapsAnywhere() {
        return kind == Kind.PAGE_FAULT;
    }
}
