package org.l4emu.emulator.arm;

import java.lang.foreign.Arena;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.RegisterBatch;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * {@link CoreRegisters} through Unicorn's public batch calls. The PC is read but never written:
 * a PC write makes Unicorn leave its CPU loop, and every run starts at its own address anyway.
 */
final class BatchCoreRegisters implements CoreRegisters {
    private static final int WRITTEN = 15;

    private final Unicorn unicorn;
    private final RegisterBatch batch;

    BatchCoreRegisters(Unicorn unicorn, Arena arena) {
        this.unicorn = unicorn;
        RegisterBatch.Builder builder = RegisterBatch.builder();
        for (int r = 0; r <= 12; r++) {
            builder.add(ArmRegister.general(r));
        }
        batch = builder.add(ArmRegister.SP).add(ArmRegister.LR).add(ArmRegister.PC).build(arena);
    }

    @Override
    public void read(int[] into) {
        unicorn.read(batch, LiveCpuState.CORE_REGISTERS);
        for (int r = 0; r < LiveCpuState.CORE_REGISTERS; r++) {
            into[r] = batch.get(r);
        }
    }

    @Override
    public void write(int[] from) {
        for (int r = 0; r < WRITTEN; r++) {
            batch.set(r, from[r]);
        }
        unicorn.write(batch, WRITTEN);
    }

    @Override
    public boolean writesPc() {
        return false;
    }
}
