package org.l4emu.kernel.ipc;

/** The phase of an IPC an error belongs to (dope bit 12). */
public enum Phase {
    SEND(0),
    RECEIVE(1);

    private final int bit;

    Phase(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
