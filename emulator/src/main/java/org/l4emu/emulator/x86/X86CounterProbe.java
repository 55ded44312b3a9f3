package org.l4emu.emulator.x86;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import org.l4emu.emulator.engine.CounterCalibration;
import org.l4emu.emulator.engine.CounterCheck;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * The x86 probe for {@link CounterCalibration} and {@link CounterCheck}: {@link UserModeEntry#PROBE},
 * three instructions and {@code int $0x80}, run in ring 3 during set-up.
 */
final class X86CounterProbe implements CounterCalibration.Probe {
    /** What the probe needs of the CPU being set up. */
    interface ProbedCpu {
        Unicorn unicorn();

        /** Runs from {@code address} for at most {@code instructions}, counting them; returns uc_emu_start's error code. */
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

    /** Runs the probe limited to {@code limit} and says how it stopped (at the system call, or paused). */
    CounterCheck.Stop stop(long limit) {
        int code = cpu.emulate((int) UserModeEntry.PROBE, limit);
        expect(code == 0, "the counter probe failed (uc_err " + code + ")");
        return new CounterCheck.Stop(eip(), cpu.pendingVector() == X86Vector.NONE, false, limit);
    }

    private long eip() {
        return Integer.toUnsignedLong(cpu.unicorn().readRegister(X86Register.EIP));
    }
}
