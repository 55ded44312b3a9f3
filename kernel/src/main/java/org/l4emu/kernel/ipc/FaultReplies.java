package org.l4emu.kernel.ipc;

import org.l4emu.kernel.object.Thread;

/**
 * Where the IPC path reports the end of a page-fault or exception IPC that the kernel sent on a
 * thread's behalf: the thread gets no IPC results, the kernel resumes or stops it.
 */
public interface FaultReplies {
    /** The handler replied; its message is in the thread's UTCB. */
    void replied(Thread thread);

    /** The IPC failed (handler gone, cancelled, ...); {@code dope} holds the error. */
    void failed(Thread thread, int dope);
}
