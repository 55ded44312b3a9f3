package org.l4emu.emulator;

import org.l4emu.emulator.arm.ArmMachine;
import org.l4emu.emulator.x86.X86Machines;

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
            case X86 -> X86Machines.open();
        };
    }

    /** Opens a machine with {@code memoryBytes} of physical memory (a multiple of 4 KiB). */
    public static Machine open(Architecture architecture, long memoryBytes) {
        return switch (architecture) {
            case ARM -> new ArmMachine(memoryBytes);
            case X86 -> X86Machines.open(memoryBytes);
        };
    }
}
