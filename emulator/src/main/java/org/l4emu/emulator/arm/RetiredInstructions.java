package org.l4emu.emulator.arm;

/** The machine's count of retired guest instructions, shared by its run loop and the in-hook fast path. */
final class RetiredInstructions {
    private long count;

    void add(long instructions) {
        count += instructions;
    }

    long count() {
        return count;
    }
}
