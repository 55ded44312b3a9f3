package org.l4emu.emulator.arm;

/** Zeroes freed physical memory before it is handed out again. */
@FunctionalInterface
interface FrameScrubber {
    void zero(long address, long length);
}
