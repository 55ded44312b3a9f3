package org.l4emu.emulator.x86;

import java.util.LinkedHashMap;
import org.l4emu.emulator.CpuContext;

/**
 * The user-mode registers of one IA-32 thread, kept in Java between runs: the eight general
 * registers, EFLAGS, EIP, the data segment selectors a thread may load itself, and the thread
 * pointer (the UTCB address {@code %gs:0} reads). CS is always the ring-3 code segment.
 *
 * <p>Registers are indexed so that {@code argument(i)} is register {@code i + 1} (ebx, ecx, edx,
 * esi, edi, ebp) and {@code setResult(i)} is register {@code i} (eax, ebx, ecx, edx).
 */
public final class X86CpuContext implements CpuContext {
    static final int EAX = 0;
    static final int EBX = 1;
    static final int ECX = 2;
    static final int EDX = 3;
    static final int ESI = 4;
    static final int EDI = 5;
    static final int EBP = 6;
    static final int ESP = 7;
    static final int EFLAGS = 8;
    static final int EIP = 9;
    static final int DS = 10;
    static final int ES = 11;
    static final int FS = 12;
    static final int GS = 13;
    static final int SS = 14;
    static final int REGISTER_COUNT = 15;

    /** Reserved bit 1 and IF: always set; user code cannot clear IF, and IOPL stays 0. */
    static final int EFLAGS_FIXED = 0x202;
    /**
     * What user code can hold in EFLAGS: CF, PF, AF, ZF, SF, TF, DF, OF, NT, AC and ID. NT
     * ({@code popf} sets it in ring 3 too) is kept like the others, so that it survives every
     * system call and switch on every engine; {@code iret} with NT set is refused (see
     * {@link UserModeEntry}).
     */
    static final int EFLAGS_USER_WRITABLE = 0x0024_4DD5;
    /** Nested task: {@code iret} then returns to the task whose selector the TSS's first word holds. */
    static final int EFLAGS_NT = 0x4000;

    private static final int ARGUMENT_COUNT = 6;
    private static final int RESULT_COUNT = 4;
    /** The gdb i386 register order, which debuggers display. */
    private static final String[] DISPLAY_NAMES = {
        "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip", "eflags", "cs", "ss", "ds", "es", "fs", "gs"
    };
    private static final int[] DISPLAY_INDEXES = {EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI, EIP, EFLAGS, -1, SS, DS, ES, FS, GS};

    private final int[] registers = new int[REGISTER_COUNT];
    private int threadPointer;
    /** Registers the kernel changed since a CPU last saved this context, one bit each. */
    private int changed = (1 << REGISTER_COUNT) - 1;
    /** The register file that saved this context last and still holds exactly its registers but for {@link #changed}. */
    private X86Registers heldBy;

    X86CpuContext(int entry, int stackPointer) {
        registers[ESP] = stackPointer;
        registers[EIP] = entry;
        registers[EFLAGS] = EFLAGS_FIXED;
        registers[DS] = GlobalDescriptorTable.USER_DATA;
        registers[ES] = GlobalDescriptorTable.USER_DATA;
        registers[FS] = GlobalDescriptorTable.USER_DATA;
        registers[GS] = GlobalDescriptorTable.USER_THREAD_POINTER;
        registers[SS] = GlobalDescriptorTable.USER_DATA;
    }

    @Override
    public int syscallNumber() {
        return registers[EAX];
    }

    @Override
    public int argument(int index) {
        if (index < 0 || index >= ARGUMENT_COUNT) {
            throw new IndexOutOfBoundsException("syscall argument " + index + " (x86 has ebx, ecx, edx, esi, edi, ebp)");
        }
        return registers[EBX + index];
    }

    @Override
    public void setResult(int index, int value) {
        if (index < 0 || index >= RESULT_COUNT) {
            throw new IndexOutOfBoundsException("syscall result " + index + " (x86 has eax, ebx, ecx, edx)");
        }
        set(EAX + index, value);
    }

    @Override
    public int stackPointer() {
        return registers[ESP];
    }

    @Override
    public void setStackPointer(int value) {
        set(ESP, value);
    }

    @Override
    public int instructionPointer() {
        return registers[EIP];
    }

    @Override
    public void setInstructionPointer(int value) {
        set(EIP, value);
    }

    @Override
    public void setThreadPointer(int utcbAddress) {
        threadPointer = utcbAddress;
    }

    /** What {@code %gs:0} reads for this thread. */
    public int threadPointer() {
        return threadPointer;
    }

    /** Register {@code number}, indexed as the constants of this class. */
    public int register(int number) {
        return registers[number];
    }

    /** Sets a general register, eax (0) to esp (7). */
    public void setRegister(int number, int value) {
        if (number < EAX || number > ESP) {
            throw new IndexOutOfBoundsException("register " + number + " is not a general register");
        }
        set(number, value);
    }

    @Override
    public LinkedHashMap<String, Integer> registers() {
        LinkedHashMap<String, Integer> named = new LinkedHashMap<>();
        for (int i = 0; i < DISPLAY_NAMES.length; i++) {
            int index = DISPLAY_INDEXES[i];
            named.put(DISPLAY_NAMES[i], index < 0 ? GlobalDescriptorTable.USER_CODE : registers[index]);
        }
        return named;
    }

    private void set(int number, int value) {
        registers[number] = value;
        changed |= 1 << number;
    }

    /** The EFLAGS to load: the user-controlled bits of the saved value, with IF set and IOPL 0. */
    int eflagsToLoad() {
        return registers[EFLAGS] & EFLAGS_USER_WRITABLE | EFLAGS_FIXED;
    }

    /** One bit per register changed since {@code engine} saved this context, or all when another engine did. */
    int changedSince(X86Registers engine) {
        return heldBy == engine ? changed : (1 << REGISTER_COUNT) - 1;
    }

    /** Stores the registers {@code engine} read back after a run; it now holds exactly these. */
    void saveFromCpu(X86Registers engine, int[] values) {
        System.arraycopy(values, 0, registers, 0, REGISTER_COUNT);
        changed = 0;
        heldBy = engine;
    }

    /**
     * Back from virtual-8086 mode (see {@link X86StopDecoder#inVirtual8086}): EFLAGS without VM
     * and the data segments a new thread starts with, as the selectors it held there are not
     * descriptors of the GDT.
     */
    void leaveVirtual8086() {
        set(EFLAGS, registers[EFLAGS] & EFLAGS_USER_WRITABLE | EFLAGS_FIXED);
        set(DS, GlobalDescriptorTable.USER_DATA);
        set(ES, GlobalDescriptorTable.USER_DATA);
        set(FS, GlobalDescriptorTable.USER_DATA);
        set(GS, GlobalDescriptorTable.USER_THREAD_POINTER);
        set(SS, GlobalDescriptorTable.USER_DATA);
    }

    /** EFLAGS as the CPU held it before an instruction that did not happen ({@link StopRecord}). */
    void restoreFlags(int value) {
        set(EFLAGS, value);
    }

    /** Moves the thread back to the instruction it trapped after (a breakpoint or a refused {@code int n}). */
    void rewind(int bytes) {
        set(EIP, registers[EIP] - bytes);
    }
}
