package org.l4emu.emulator.x86;

import org.l4emu.emulator.engine.CounterCalibration;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/** The x86 probe for {@link CounterCalibration}: {@link UserModeEntry#PROBE}, run in ring 3 during set-up. */
final class X86CounterProbe implements CounterCalibration.Probe {
    /** What the probe needs of the CPU being set up. */
    interface ProbedCpu {
        Unicorn unicorn();

        /** Runs from {@code address} for at most {@code instructions}; returns uc_emu_start's error code. */
        int emulate(int address, long instructions);

        /** The vector the interrupt hook took during the last run, or {@link X86Vector#NONE}. */
        int pendingVector();
    }

    private final ProbedCpu cpu;

    X86CounterProbe(ProbedCpu cpu) {
        this.cpu = cpu;
    }

    @Override
    public boolean trapsAfterThreeInstructions(long limit) {
        int code = cpu.emulate((int) UserModeEntry.PROBE, limit);
        return code == 0 && cpu.pendingVector() == X86Vector.SYSCALL
                && eip() == UserModeEntry.PROBE + UserModeEntry.PROBE_LENGTH;
    }

    @Override
    public boolean stopsAfterTwoInstructions() {
        int code = cpu.emulate((int) UserModeEntry.PROBE, 2);
        return code == 0 && cpu.pendingVector() == X86Vector.NONE && eip() == UserModeEntry.PROBE + 2;
    }

    private long eip() {
        return Integer.toUnsignedLong(cpu.unicorn().readRegister(X86Register.EIP));
    }
}
