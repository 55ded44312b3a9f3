package org.l4emu.emulator.arm;

import java.lang.foreign.Arena;
import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.RegisterBatch;
import org.l4emu.emulator.unicorn.Unicorn;

/** {@link SwitchRegisters} through Unicorn's register calls: one batch, from the change on. */
final class BatchSwitchRegisters implements SwitchRegisters {
    private static final int SIZE = 5;
    private static final int CPSR = 3;
    private static final int TPIDRURO = 4;

    private final Unicorn unicorn;
    private final RegisterBatch state;

    BatchSwitchRegisters(Unicorn unicorn, Arena arena) {
        this.unicorn = unicorn;
        state = RegisterBatch.builder().addCoprocessor(ArmCpRegister.TLBIALL).addCoprocessor(ArmCpRegister.TTBR0)
                .addCoprocessor(ArmCpRegister.SCR, Bank.SECURE).add(ArmRegister.CPSR)
                .addCoprocessor(ArmCpRegister.TPIDRURO).build(arena);
    }

    @Override
    public void write(int from, Bank bank, int translationTable, int scr, int cpsr, int threadPointer) {
        if (from == FLUSH) {
            state.setCoprocessor(FLUSH, SwitchRegisters.tlbFlush(bank), Bank.NON_SECURE);
        }
        if (from <= TABLE) {
            state.setCoprocessor(TABLE, ArmCpRegister.TTBR0, bank);
            state.set(TABLE, translationTable);
        }
        if (from <= SECURITY_STATE) {
            state.set(SECURITY_STATE, scr);
            state.setCoprocessor(TPIDRURO, ArmCpRegister.TPIDRURO, bank);
        }
        state.set(CPSR, cpsr);
        state.set(TPIDRURO, threadPointer);
        unicorn.write(state, from, SIZE - from);
    }
}
