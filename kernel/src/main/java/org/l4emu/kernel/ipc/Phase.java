package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;

/** The phase of an IPC an error belongs to (dope bit 12). */
public enum Phase {
    SEND(Abi.Phase.SEND),
    RECEIVE(Abi.Phase.RECEIVE);

    private final int bit;

    Phase(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
