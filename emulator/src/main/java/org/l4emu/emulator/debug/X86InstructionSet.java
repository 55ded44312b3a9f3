package org.l4emu.emulator.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.x86.X86CpuContext;

/**
 * IA-32 in 32-bit protected mode: GDB's {@code org.gnu.gdb.i386.core} registers, eax..gs in
 * GDB's i386 order and the x87 registers GDB requires in that feature. Threads have no x87
 * state (guests are built without floating point), so those read as zero and keep that value.
 * Breakpoint kind 1; watchpoints stop after the access, as x86 debug registers do.
 */
public final class X86InstructionSet implements InstructionSet {
    public static final X86InstructionSet INSTANCE = new X86InstructionSet();

    private static final String CORE = "org.gnu.gdb.i386.core";
    private static final String[] GENERAL = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    /** {@link X86CpuContext#setRegister}'s numbers of {@link #GENERAL}: eax, ebx, ecx, edx, esi, edi, ebp, esp. */
    private static final int[] CONTEXT_NUMBERS = {0, 2, 3, 1, 7, 6, 4, 5};
    private static final int EIP = 8;
    /** i386 System V DWARF numbers of eip, eflags, cs, ss, ds, es, fs, gs, and of st0. */
    private static final int[] DWARF_AFTER_GENERAL = {8, 9, 41, 42, 43, 40, 44, 45};
    private static final int DWARF_ST0 = 11;
    private static final String[] X87_CONTROL = {"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop"};
    private static final List<DebugRegister> REGISTERS = registerList();

    private X86InstructionSet() {}

    private static List<DebugRegister> registerList() {
        List<DebugRegister> registers = new ArrayList<>();
        for (int i = 0; i < GENERAL.length; i++) {
            String name = GENERAL[i];
            RegisterRole role = switch (name) {
                case "esp" -> RegisterRole.STACK_POINTER;
                case "ebp" -> RegisterRole.FRAME_POINTER;
                default -> RegisterRole.NONE;
            };
            String type = role == RegisterRole.NONE ? "int32" : "data_ptr";
            registers.add(new DebugRegister(name, 32, type, "general", CORE, role, i));
        }
        String[] rest = {"eip", "eflags", "cs", "ss", "ds", "es", "fs", "gs"};
        for (int i = 0; i < rest.length; i++) {
            RegisterRole role = i == 0 ? RegisterRole.PROGRAM_COUNTER : i == 1 ? RegisterRole.FLAGS : RegisterRole.NONE;
            registers.add(new DebugRegister(rest[i], 32, i == 0 ? "code_ptr" : "int32", "general", CORE, role,
                    DWARF_AFTER_GENERAL[i]));
        }
        for (int i = 0; i < 8; i++) {
            registers.add(new DebugRegister("st" + i, 80, "i387_ext", "float", CORE, RegisterRole.NONE,
                    DWARF_ST0 + i));
        }
        for (String name : X87_CONTROL) {
            registers.add(new DebugRegister(name, 32, "int", "float", CORE, RegisterRole.NONE, -1));
        }
        return List.copyOf(registers);
    }

    @Override
    public String gdbArchitecture() {
        return "i386";
    }

    @Override
    public String triple() {
        return "i386-unknown-unknown";
    }

    @Override
    public List<DebugRegister> registers() {
        return REGISTERS;
    }

    @Override
    public byte[] readRegister(CpuContext context, int number) {
        DebugRegister register = REGISTERS.get(number);
        Map<String, Integer> values = context.registers();
        return RegisterBytes.of(values.getOrDefault(register.name(), 0), register.bytes());
    }

    /** The general registers and eip take any value; the rest (flags, selectors, x87) only their own. */
    @Override
    public boolean writeRegister(CpuContext context, int number, byte[] value) {
        if (!(context instanceof X86CpuContext x86)) {
            throw new IllegalArgumentException("not an x86 context: " + context);
        }
        Integer word = RegisterBytes.word(value);
        if (word == null || number < 0 || number >= REGISTERS.size()) {
            return false;
        }
        if (number < GENERAL.length) {
            x86.setRegister(CONTEXT_NUMBERS[number], word);
            return true;
        }
        if (number == EIP) {
            x86.setInstructionPointer(word);
            return true;
        }
        return word == (int) RegisterBytes.word(readRegister(context, number));
    }

    @Override
    public int codeAddress(int instructionPointer) {
        return instructionPointer;
    }

    @Override
    public DisassemblyMode modeOf(int instructionPointer) {
        return DisassemblyMode.X86_32;
    }

    @Override
    public boolean isBreakpointKind(int kind) {
        return kind == 1;
    }

    @Override
    public boolean watchpointStopsBeforeAccess() {
        return false;
    }
}
