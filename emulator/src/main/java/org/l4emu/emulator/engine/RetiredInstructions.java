package org.l4emu.emulator.engine;

/** A machine's count of retired guest instructions, shared by its run loop and the in-hook fast path. */
public final class RetiredInstructions {
    private long count;

    public void add(long instructions) {
        count += instructions;
    }

    public long count() {
        return count;
    }
}
