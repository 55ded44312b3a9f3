package org.l4emu.kernel.ipc;

import org.l4emu.kernel.object.Thread;

/** Starts a receive phase: how a completed send phase goes on to the receive phase that follows it (S4). */
@FunctionalInterface
interface ReceivePhase {
    void start(Thread receiver, int fromSpec, int receiveTimeout);
}
