package org.l4emu.emulator.arm;

import java.lang.foreign.Arena;
import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.RegisterBatch;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * {@link CoreRegisters} through Unicorn's public batch calls. The PC is read but never written:
 * a PC write makes Unicorn leave its CPU loop, and every run starts at its own address anyway.
 * CPSR, TPIDRURW and TEEHBR are read with one call, from a batch per security state.
 */
final class BatchCoreRegisters implements CoreRegisters {
    private static final int WRITTEN = 15;

    private final Unicorn unicorn;
    private final RegisterBatch batch;
    /** CPSR, TPIDRURW, TEEHBR, by {@link Bank}. */
    private final RegisterBatch[] status = new RegisterBatch[Bank.values().length];

    BatchCoreRegisters(Unicorn unicorn, Arena arena) {
        this.unicorn = unicorn;
        RegisterBatch.Builder builder = RegisterBatch.builder();
        for (int r = 0; r <= 12; r++) {
            builder.add(ArmRegister.general(r));
        }
        batch = builder.add(ArmRegister.SP).add(ArmRegister.LR).add(ArmRegister.PC).build(arena);
        for (Bank bank : Bank.values()) {
            status[bank.ordinal()] = RegisterBatch.builder().add(ArmRegister.CPSR)
                    .addCoprocessor(ArmCpRegister.TPIDRURW, bank).addCoprocessor(ArmCpRegister.TEEHBR).build(arena);
        }
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

    @Override
    public void readStatus(Bank bank, int[] into) {
        RegisterBatch registers = status[bank.ordinal()];
        unicorn.read(registers, 3);
        into[ArmCpuContext.CPSR] = registers.get(0);
        into[ArmCpuContext.SAVED_TPIDRURW] = registers.get(1);
        into[ArmCpuContext.SAVED_TEEHBR] = registers.get(2);
    }

    @Override
    public void writeUserThreadRegister(Bank bank, int value) {
        unicorn.writeCoprocessor(ArmCpRegister.TPIDRURW, bank, value);
    }

    @Override
    public void writeThumbEeHandlerBase(int value) {
        unicorn.writeCoprocessor(ArmCpRegister.TEEHBR, value);
    }
}
