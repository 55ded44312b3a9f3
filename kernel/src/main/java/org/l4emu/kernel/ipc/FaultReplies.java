package org.l4emu.kernel.ipc;

import org.l4emu.kernel.object.Thread;

/**
 * Where the IPC path reports the end of a page-fault or exception IPC that the kernel sent on a
 * thread's behalf (the {@link org.l4emu.kernel.object.FaultIpc} the thread holds names it): the
 * thread gets no IPC results, the kernel resumes or stops it.
 */
public interface FaultReplies {
    /**
     * The handler replied with {@code untypedWords} untyped words, the first two
     * {@code word1} and {@code word2}; its map items are applied already. The thread's own
     * UTCB is untouched.
     */
    void replied(Thread thread, int untypedWords, int word1, int word2);

    /** The IPC failed (handler gone, cancelled, ...); {@code dope} holds the error. */
    void failed(Thread thread, int dope);
}
