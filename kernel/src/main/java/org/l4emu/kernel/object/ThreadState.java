package org.l4emu.kernel.object;

/**
 * The explicit states of a thread. Every transition goes through {@link Thread#setState} so that
 * the scheduler and the IPC path agree on who can run.
 */
public enum ThreadState {
    /** Created but not started, or halted by exchange_registers. */
    HALTED,
    /** Runnable (queued in the scheduler or running). */
    READY,
    /** In a send phase, waiting for the next hop (or, per M4, the final receiver) to receive. */
    SENDING,
    /** Its send was taken by a monitor; waits for final delivery or an error (M1). */
    AWAITING_DELIVERY,
    /** In a receive phase, waiting for a sender (open or closed wait, or sleeping). */
    RECEIVING,
    /** Stopped by an unhandled fault; counts as gone for its partners. */
    STOPPED,
    /** Exited; its ID is no longer valid. */
    DEAD;

    public boolean isBlockedInIpc() {
        return this == SENDING || this == AWAITING_DELIVERY || this == RECEIVING;
    }

    public boolean isGone() {
        return this == DEAD || this == STOPPED;
    }
}
