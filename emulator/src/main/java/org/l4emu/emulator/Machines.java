package org.l4emu.emulator;

import org.l4emu.emulator.arm.ArmMachine;

/** Creates machines by architecture. */
public final class Machines {
    private Machines() {
    }

    /**
     * Opens a machine with the default amount of physical memory.
     *
     * @throws EmulatorUnavailableException when the host lacks the emulator library
     */
    public static Machine open(Architecture architecture) {
        return switch (architecture) {
            case ARM -> new ArmMachine();
            case X86 -> throw new UnsupportedOperationException("x86 is not implemented yet");
        };
    }

    /** Opens a machine with {@code memoryBytes} of physical memory (a multiple of 4 KiB). */
    public static Machine open(Architecture architecture, long memoryBytes) {
        return switch (architecture) {
            case ARM -> new ArmMachine(memoryBytes);
            case X86 -> throw new UnsupportedOperationException("x86 is not implemented yet");
        };
    }
}
