package org.l4emu.emulator.physical;

/** Zeroes freed physical memory before it is handed out again. */
@FunctionalInterface
public interface FrameScrubber {
    void zero(long address, long length);
}
