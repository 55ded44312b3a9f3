package org.l4emu.emulator.arm;

import java.util.LinkedHashMap;
import org.l4emu.emulator.CpuContext;

/**
 * The user-mode registers of one ARM thread, kept in Java between runs: r0-r12, sp, lr, pc,
 * cpsr, TPIDRURO, and the two registers outside those that user code can write: TPIDRURW (the
 * user thread ID register) and TEEHBR (the ThumbEE handler base). The PC is kept without the
 * Thumb bit; Thumb state is CPSR.T, and {@link #instructionPointer()} folds it into bit 0 as the
 * interface wants. TPIDRURW and TEEHBR start at 0; only the thread changes them.
 */
public final class ArmCpuContext implements CpuContext {
    static final int SP = 13;
    static final int LR = 14;
    static final int PC = 15;
    static final int CPSR = 16;
    static final int REGISTER_COUNT = 17;
    /** In what the CPU saves ({@link #saveFromCpu}): TPIDRURW and TEEHBR after r0-r15 and CPSR. */
    static final int SAVED_TPIDRURW = REGISTER_COUNT;
    static final int SAVED_TEEHBR = REGISTER_COUNT + 1;
    static final int SAVED_COUNT = REGISTER_COUNT + 2;

    static final int CPSR_USER_MODE = 0x10;
    /** A, I and F masked: user mode cannot change them, and there are no interrupts anyway. */
    static final int CPSR_MASKS = 0x1C0;
    static final int CPSR_THUMB = 1 << 5;
    /** IT[1:0] (bits 26:25) and IT[7:2] (bits 15:10): the Thumb If-Then block state. */
    static final int CPSR_IF_THEN = 0x0600_FC00;
    /** What a user program can hold in CPSR: NZCVQ, IT, GE, E and T; mode and masks are fixed. */
    private static final int CPSR_USER_WRITABLE = 0xFE0F_FE20;

    private static final String[] NAMES = {
        "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc", "cpsr"
    };
    private static final int ARGUMENT_COUNT = 6;
    private static final int RESULT_COUNT = 4;
    private static final int SYSCALL_NUMBER_REGISTER = 7;

    /** Bit of {@link #changedRegisters()} for TPIDRURO; registers use their number. */
    static final int THREAD_POINTER_BIT = REGISTER_COUNT;
    private static final int EVERYTHING = (1 << (THREAD_POINTER_BIT + 1)) - 1;

    private final int[] registers = new int[REGISTER_COUNT];
    private int threadPointer;
    private int userThreadRegister;
    private int thumbEeHandlerBase;
    /** Registers the kernel changed since the machine last saved this context, one bit each. */
    private int changed = EVERYTHING;

    ArmCpuContext(int entry, int stackPointer) {
        registers[SP] = stackPointer;
        registers[CPSR] = CPSR_USER_MODE | CPSR_MASKS;
        setInstructionPointer(entry);
    }

    @Override
    public int syscallNumber() {
        return registers[SYSCALL_NUMBER_REGISTER];
    }

    @Override
    public int argument(int index) {
        if (index < 0 || index >= ARGUMENT_COUNT) {
            throw new IndexOutOfBoundsException("syscall argument " + index + " (arm has r0-r5)");
        }
        return registers[index];
    }

    @Override
    public void setResult(int index, int value) {
        if (index < 0 || index >= RESULT_COUNT) {
            throw new IndexOutOfBoundsException("syscall result " + index + " (arm has r0-r3)");
        }
        registers[index] = value;
        changed |= 1 << index;
    }

    @Override
    public int stackPointer() {
        return registers[SP];
    }

    @Override
    public void setStackPointer(int value) {
        registers[SP] = value;
        changed |= 1 << SP;
    }

    @Override
    public int instructionPointer() {
        return registers[PC] | (thumb() ? 1 : 0);
    }

    /**
     * Bit 0 selects Thumb state. A new instruction stream starts outside any If-Then block, so
     * the IT bits are cleared.
     */
    @Override
    public void setInstructionPointer(int value) {
        registers[PC] = value & ~1;
        int cpsr = registers[CPSR] & ~(CPSR_THUMB | CPSR_IF_THEN);
        registers[CPSR] = (value & 1) != 0 ? cpsr | CPSR_THUMB : cpsr;
        changed |= 1 << PC | 1 << CPSR;
    }

    @Override
    public void setThreadPointer(int utcbAddress) {
        threadPointer = utcbAddress;
        changed |= 1 << THREAD_POINTER_BIT;
    }

    /** TPIDRURO as the thread sees it. */
    public int threadPointer() {
        return threadPointer;
    }

    /** TPIDRURW as the thread last left it (the user read/write thread ID register). */
    public int userThreadRegister() {
        return userThreadRegister;
    }

    /** TEEHBR as the thread last left it (the ThumbEE handler base). */
    public int thumbEeHandlerBase() {
        return thumbEeHandlerBase;
    }

    /** Register {@code number}: 0-12, 13 sp, 14 lr, 15 pc (without the Thumb bit), 16 cpsr. */
    public int register(int number) {
        return registers[number];
    }

    /** Sets a general register r0-r14 (pc and cpsr have their own setters). */
    public void setRegister(int number, int value) {
        if (number < 0 || number > LR) {
            throw new IndexOutOfBoundsException("register " + number + " is not r0-r14");
        }
        registers[number] = value;
        changed |= 1 << number;
    }

    public boolean thumb() {
        return (registers[CPSR] & CPSR_THUMB) != 0;
    }

    @Override
    public LinkedHashMap<String, Integer> registers() {
        LinkedHashMap<String, Integer> named = new LinkedHashMap<>();
        for (int i = 0; i < REGISTER_COUNT; i++) {
            named.put(NAMES[i], registers[i]);
        }
        return named;
    }

    /** One bit per register changed since the last save (bit = register number, 17 = TPIDRURO). */
    int changedRegisters() {
        return changed;
    }

    /** r0-r15 (pc without the Thumb bit) and then CPSR, as kept, for the CPU to copy from; not to be changed. */
    int[] coreRegisters() {
        return registers;
    }

    /** The CPSR to load: the user-controlled bits of the saved one, always USR mode with A, I, F masked. */
    int cpsrToLoad() {
        return registers[CPSR] & CPSR_USER_WRITABLE | CPSR_USER_MODE | CPSR_MASKS;
    }

    /** The address uc_emu_start takes: bit 0 set for Thumb. */
    int resumeAddress() {
        return instructionPointer();
    }

    /**
     * Stores the registers read back after a run (r0-r15, CPSR, then {@link #SAVED_TPIDRURW} and
     * {@link #SAVED_TEEHBR}); the CPU now holds exactly these.
     */
    void saveFromCpu(int[] values) {
        System.arraycopy(values, 0, registers, 0, REGISTER_COUNT);
        userThreadRegister = values[SAVED_TPIDRURW];
        thumbEeHandlerBase = values[SAVED_TEEHBR];
        changed = 0;
    }
}
