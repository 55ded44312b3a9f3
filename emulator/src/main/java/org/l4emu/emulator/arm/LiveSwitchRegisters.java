package org.l4emu.emulator.arm;

import static org.l4emu.emulator.engine.InternalsCheck.expect;
import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * {@link SwitchRegisters} written in the live CPU state ({@link LiveCpuState}): TTBR0, SCR and
 * TPIDRURO are plain words there, which Unicorn's register calls reach through a hash table of
 * coprocessor registers (a lookup each, on every switch). The TLB flush and CPSR still go
 * through Unicorn: the flush is QEMU's work, and CPSR's write recomputes the cached state that
 * an SCR written here changes.
 */
final class LiveSwitchRegisters implements SwitchRegisters {
    private static final int SCR_NON_SECURE = 1;

    private final Unicorn unicorn;
    /** The words of TTBR0 and of TPIDRURO, by {@link Bank}, and of SCR. */
    private final long[] translationTables;
    private final long[] threadPointers;
    private final long scr;

    LiveSwitchRegisters(Unicorn unicorn, long[] translationTables, long[] threadPointers, long scr) {
        this.unicorn = unicorn;
        this.translationTables = translationTables.clone();
        this.threadPointers = threadPointers.clone();
        this.scr = scr;
    }

    @Override
    public void write(int from, Bank bank, int translationTable, int scrValue, int cpsr, int threadPointer) {
        if (from == FLUSH) {
            unicorn.writeCoprocessor(SwitchRegisters.tlbFlush(bank), Bank.NON_SECURE, 0);
        }
        if (from <= TABLE) {
            PROCESS.set(ValueLayout.JAVA_INT, translationTables[bank.ordinal()], translationTable);
        }
        if (from <= SECURITY_STATE) {
            PROCESS.set(ValueLayout.JAVA_INT, scr, scrValue);
        }
        PROCESS.set(ValueLayout.JAVA_INT, threadPointers[bank.ordinal()], threadPointer);
        unicorn.writeRegister(ArmRegister.CPSR, cpsr);
    }

    /**
     * Checks the words against Unicorn's register calls, both ways, for each bank: a value written
     * here must read back through Unicorn, and one Unicorn writes must appear here. TTBR0 and
     * TPIDRURO are left 0, SCR as it was.
     */
    void checkAgainst() {
        boolean agree = true;
        for (Bank bank : Bank.values()) {
            int i = bank.ordinal();
            agree &= agrees(translationTables[i], ArmCpRegister.TTBR0, bank, 0x5A5A_4000 + i * 0x4000);
            agree &= agrees(threadPointers[i], ArmCpRegister.TPIDRURO, bank, 0x7E11_0000 + i * 0x104);
        }
        int before = unicorn.readCoprocessor(ArmCpRegister.SCR, Bank.SECURE);
        agree &= PROCESS.get(ValueLayout.JAVA_INT, scr) == before;
        PROCESS.set(ValueLayout.JAVA_INT, scr, before ^ SCR_NON_SECURE);
        agree &= unicorn.readCoprocessor(ArmCpRegister.SCR, Bank.SECURE) == (before ^ SCR_NON_SECURE);
        unicorn.writeCoprocessor(ArmCpRegister.SCR, Bank.SECURE, before);
        agree &= PROCESS.get(ValueLayout.JAVA_INT, scr) == before;
        expect(agree, "TTBR0, TPIDRURO or SCR in the live CPU state and Unicorn's register calls disagree");
    }

    private boolean agrees(long word, ArmCpRegister register, Bank bank, int value) {
        PROCESS.set(ValueLayout.JAVA_INT, word, value);
        boolean agree = unicorn.readCoprocessor(register, bank) == value;
        unicorn.writeCoprocessor(register, bank, ~value);
        agree &= PROCESS.get(ValueLayout.JAVA_INT, word) == ~value;
        unicorn.writeCoprocessor(register, bank, 0);
        return agree;
    }
}
