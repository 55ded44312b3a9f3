package org.l4emu.emulator.arm;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.l4emu.emulator.engine.RegisterSignature;
import org.l4emu.emulator.host.EngineObjects;
import org.l4emu.emulator.host.MemorySearch;
import org.l4emu.emulator.host.ReadableMemory;
import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * The engine's live QEMU CPU state ({@code CPUARMState}), read and written in place. Its first
 * field is {@code uint32_t regs[16]}: r0-r12, sp, lr and pc of the current (user) mode.
 *
 * <p>Why not Unicorn's register calls: those decode each register through a switch (about 4 ns
 * a register), and a PC write makes Unicorn leave its CPU loop and enter it again. Between
 * translated blocks, where the interrupt hook runs, QEMU keeps these registers nowhere but
 * here, so a thread switch is a 64-byte copy each way. CPSR still goes through Unicorn: QEMU
 * keeps it split into flag fields and derives cached state from it. TPIDRURW (one word per
 * security state) and TEEHBR are plain words of the same state, read after every run and
 * written when a thread's differ, so they cost a load each.
 *
 * <p>Unicorn does not say where the state is. {@link #locate} finds it the way the other
 * calibrations do: it writes known values into the registers with Unicorn's calls and looks for
 * them, in the memory that the pointers in {@code struct uc_struct} lead to (its {@code cpu}
 * field points at the object that holds the state), reading only mapped memory. TPIDRURW and
 * TEEHBR are found the same way, in the state after {@code regs}, and so are the registers a
 * switch writes ({@link LiveSwitchRegisters}: TTBR0, SCR and TPIDRURO).
 */
@SuppressWarnings("restricted") // the state lives in the engine's heap, at an address found at start-up
final class LiveCpuState implements CoreRegisters {
    /** Registers r0-r15 as QEMU keeps them. */
    static final int CORE_REGISTERS = 16;
    /** r0-r14; PC is left alone, as a PC write asks Unicorn to leave its loop. */
    private static final int SIGNATURE_REGISTERS = 15;
    /** r0-r12, SP, LR: the registers of the signature, in QEMU's order. */
    private static final ArmRegister[] SIGNATURE_ORDER = signatureOrder();

    /** TPIDRURW of each bank, then TEEHBR, as {@link #locateUserRegisters} looks for them. */
    private static final ArmCpRegister[] USER_REGISTERS = {ArmCpRegister.TPIDRURW, ArmCpRegister.TPIDRURW,
        ArmCpRegister.TEEHBR};
    private static final Bank[] USER_REGISTER_BANKS = {Bank.NON_SECURE, Bank.SECURE, Bank.NON_SECURE};
    private static final int TEEHBR = 2;

    /** TTBR0 and TPIDRURO of each bank, as {@link #locate} looks for them (SCR has a search of its own). */
    private static final ArmCpRegister[] SWITCH_REGISTERS = {ArmCpRegister.TTBR0, ArmCpRegister.TTBR0,
        ArmCpRegister.TPIDRURO, ArmCpRegister.TPIDRURO};
    private static final Bank[] SWITCH_REGISTER_BANKS = {Bank.NON_SECURE, Bank.SECURE, Bank.NON_SECURE, Bank.SECURE};
    private static final int SCR_NON_SECURE = 1;
    /** How many times the search for SCR writes its NS bit each way. */
    private static final int SCR_TOGGLES = 4;

    private final Unicorn unicorn;
    private final long address;
    /** The addresses of the words holding TPIDRURW (by {@link Bank}) and TEEHBR, as {@link #USER_REGISTERS}. */
    private final long[] userRegisters;
    private final LiveSwitchRegisters switchRegisters;

    private LiveCpuState(Unicorn unicorn, long address, long[] userRegisters, LiveSwitchRegisters switchRegisters) {
        this.unicorn = unicorn;
        this.address = address;
        this.userRegisters = userRegisters;
        this.switchRegisters = switchRegisters;
    }

    /** The address of {@code env->regs[0]}. */
    long address() {
        return address;
    }

    /** TTBR0, SCR and TPIDRURO, written in this state. */
    LiveSwitchRegisters switchRegisters() {
        return switchRegisters;
    }

    // Word by word rather than MemorySegment.copy, whose array view of a Java array is an
    // allocation that escape analysis does not always remove: these run on every thread switch.

    @Override
    public void read(int[] into) {
        for (int r = 0; r < CORE_REGISTERS; r++) {
            into[r] = PROCESS.get(ValueLayout.JAVA_INT, address + (long) r * Integer.BYTES);
        }
    }

    /** Sets r0-r15; r15 is the PC without the Thumb bit, which CPSR.T gives. */
    @Override
    public void write(int[] from) {
        for (int r = 0; r < CORE_REGISTERS; r++) {
            PROCESS.set(ValueLayout.JAVA_INT, address + (long) r * Integer.BYTES, from[r]);
        }
    }

    @Override
    public boolean writesPc() {
        return true;
    }

    @Override
    public void readStatus(Bank bank, int[] into) {
        into[ArmCpuContext.CPSR] = unicorn.readRegister(ArmRegister.CPSR);
        into[ArmCpuContext.SAVED_TPIDRURW] = PROCESS.get(ValueLayout.JAVA_INT, userRegisters[bank.ordinal()]);
        into[ArmCpuContext.SAVED_TEEHBR] = PROCESS.get(ValueLayout.JAVA_INT, userRegisters[TEEHBR]);
    }

    @Override
    public void writeUserThreadRegister(Bank bank, int value) {
        PROCESS.set(ValueLayout.JAVA_INT, userRegisters[bank.ordinal()], value);
    }

    @Override
    public void writeThumbEeHandlerBase(int value) {
        PROCESS.set(ValueLayout.JAVA_INT, userRegisters[TEEHBR], value);
    }

    /**
     * Checks the state against Unicorn's own register calls, both ways: a value written here
     * must read back through Unicorn, and one Unicorn writes must appear here. TPIDRURW and
     * TEEHBR are left 0.
     */
    void checkAgainst(Unicorn unicorn) {
        boolean userRegistersAgree = true;
        for (int i = 0; i < USER_REGISTERS.length; i++) {
            int value = 0x4B00_0000 + (i + 1) * 0x104;
            PROCESS.set(ValueLayout.JAVA_INT, userRegisters[i], value);
            userRegistersAgree &= unicorn.readCoprocessor(USER_REGISTERS[i], USER_REGISTER_BANKS[i]) == value;
        }
        for (int i = 0; i < USER_REGISTERS.length; i++) {
            unicorn.writeCoprocessor(USER_REGISTERS[i], USER_REGISTER_BANKS[i], 0x2D00_0000 + (i + 1) * 0x104);
        }
        for (int i = 0; i < USER_REGISTERS.length; i++) {
            userRegistersAgree &= PROCESS.get(ValueLayout.JAVA_INT, userRegisters[i]) == 0x2D00_0000 + (i + 1) * 0x104;
            unicorn.writeCoprocessor(USER_REGISTERS[i], USER_REGISTER_BANKS[i], 0);
        }
        expect(userRegistersAgree, "TPIDRURW or TEEHBR in the live CPU state and Unicorn's register calls disagree");
        int[] values = new int[CORE_REGISTERS];
        read(values);
        int[] probe = values.clone();
        for (int r = 0; r <= 12; r++) {
            probe[r] = RegisterSignature.value(0x6E6E_0000, r);
        }
        write(probe);
        boolean readBack = true;
        for (int r = 0; r <= 12; r++) {
            readBack &= unicorn.readRegister(ArmRegister.general(r)) == probe[r];
        }
        unicorn.writeRegister(ArmRegister.R7, 0x1234_5678);
        int[] after = new int[CORE_REGISTERS];
        read(after);
        write(values);
        expect(readBack && after[7] == 0x1234_5678, "the live CPU state and Unicorn's register calls disagree");
    }

    /** Finds the state of {@code unicorn}'s CPU ({@link RegisterSignature}); the registers it wrote to find it are left changed. */
    static LiveCpuState locate(Unicorn unicorn, ReadableMemory memory) {
        long address = RegisterSignature.locate(unicorn.handle().address(), memory, SIGNATURE_REGISTERS, Integer.BYTES,
                (register, value) -> unicorn.writeRegister(SIGNATURE_ORDER[register], value), "the live CPU state");
        MemorySegment state = PROCESS.asSlice(address, EngineObjects.readableObject(memory, address));
        long[] user = locateWords(unicorn, state, USER_REGISTERS, USER_REGISTER_BANKS);
        long[] switches = locateWords(unicorn, state, SWITCH_REGISTERS, SWITCH_REGISTER_BANKS);
        LiveSwitchRegisters switchRegisters = new LiveSwitchRegisters(unicorn, new long[] {switches[0], switches[1]},
                new long[] {switches[2], switches[3]}, locateScr(unicorn, state));
        return new LiveCpuState(unicorn, address, user, switchRegisters);
    }

    /**
     * Finds the words holding {@code registers} (of {@code banks}) in {@code state}, each by
     * {@link RegisterSignature#locateWord}. The registers are left changed.
     */
    private static long[] locateWords(Unicorn unicorn, MemorySegment state, ArmCpRegister[] registers, Bank[] banks) {
        long[] addresses = new long[registers.length];
        for (int i = 0; i < registers.length; i++) {
            ArmCpRegister register = registers[i];
            Bank bank = banks[i];
            addresses[i] = RegisterSignature.locateWord(state, Integer.BYTES, value -> {
                unicorn.writeCoprocessor(register, bank, value);
                forgetLastValue(unicorn);
            }, register + " (" + bank + ") in the live CPU state");
        }
        return addresses;
    }

    /**
     * Finds SCR's word in {@code state}. Only a few of its bits can be written, so no signature
     * tells it apart: the word is the one that follows its NS bit, written through Unicorn one
     * way and the other, {@link #SCR_TOGGLES} times, with SCR's other bits as they are. SCR is
     * left as it was.
     */
    private static long locateScr(Unicorn unicorn, MemorySegment state) {
        int before = unicorn.readCoprocessor(ArmCpRegister.SCR, Bank.SECURE);
        int secure = before & ~SCR_NON_SECURE;
        int nonSecure = secure | SCR_NON_SECURE;
        writeScr(unicorn, nonSecure);
        List<Long> candidates = MemorySearch.wordsHolding(state, nonSecure, Integer.BYTES);
        for (int round = 0; round < 2 * SCR_TOGGLES; round++) {
            int value = round % 2 == 0 ? secure : nonSecure;
            writeScr(unicorn, value);
            candidates.removeIf(at -> PROCESS.get(ValueLayout.JAVA_INT, at) != value);
        }
        writeScr(unicorn, before);
        expect(candidates.size() == 1, () -> "found " + candidates.size() + " places for SCR in the live CPU state");
        return candidates.getFirst();
    }

    private static void writeScr(Unicorn unicorn, int value) {
        unicorn.writeCoprocessor(ArmCpRegister.SCR, Bank.SECURE, value);
        forgetLastValue(unicorn);
    }

    /**
     * Reads TTBCR (0): {@link Unicorn}'s scratch buffer for register values, in the C heap and
     * possibly within the search, keeps the last value passed, which would otherwise be a second
     * place holding the last register's value.
     */
    private static void forgetLastValue(Unicorn unicorn) {
        unicorn.readCoprocessor(ArmCpRegister.TTBCR);
    }

    private static ArmRegister[] signatureOrder() {
        ArmRegister[] order = new ArmRegister[SIGNATURE_REGISTERS];
        for (int r = 0; r <= 12; r++) {
            order[r] = ArmRegister.general(r);
        }
        order[13] = ArmRegister.SP;
        order[14] = ArmRegister.LR;
        return order;
    }

}
