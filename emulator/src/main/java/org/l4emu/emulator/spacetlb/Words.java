package org.l4emu.emulator.spacetlb;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;

/**
 * Fills QEMU's structures word by word: a slice of a segment is an object, which the JIT does
 * not always remove, and a switch between spaces must allocate nothing.
 */
final class Words {
    private Words() {
    }

    /** Sets the {@code bytes} (a multiple of 8) from {@code address} on to {@code word} each 8. */
    static void fill(long address, long bytes, long word) {
        for (long at = address; at < address + bytes; at += Long.BYTES) {
            PROCESS.set(ValueLayout.JAVA_LONG, at, word);
        }
    }
}
