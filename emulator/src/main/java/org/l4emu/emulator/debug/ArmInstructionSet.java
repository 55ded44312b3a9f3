package org.l4emu.emulator.debug;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.arm.ArmCpuContext;

/**
 * ARMv7-A in ARM (A32) and Thumb (T32) state: GDB's {@code org.gnu.gdb.arm.core} registers r0-r12,
 * sp, lr, pc and cpsr. The PC is shown without the Thumb bit (CPSR.T says the state), breakpoint
 * kinds are 2 and 3 (Thumb) and 4 (ARM), and watchpoints stop before the access, as ARM's
 * debug hardware does: GDB and lldb step over the access themselves.
 */
public final class ArmInstructionSet implements InstructionSet {
    public static final ArmInstructionSet INSTANCE = new ArmInstructionSet();

    private static final String CORE = "org.gnu.gdb.arm.core";
    private static final int LAST_GENERAL = 14;
    private static final int PC = 15;
    private static final int CPSR = 16;
    private static final int THUMB_BIT = 1;
    private static final List<DebugRegister> REGISTERS = registerList();

    private ArmInstructionSet() {}

    private static List<DebugRegister> registerList() {
        List<DebugRegister> registers = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            registers.add(new DebugRegister("r" + i, 32, "uint32", "general", CORE,
                    i == 11 ? RegisterRole.FRAME_POINTER : RegisterRole.NONE, i));
        }
        registers.add(new DebugRegister("sp", 32, "data_ptr", "general", CORE, RegisterRole.STACK_POINTER, 13));
        registers.add(new DebugRegister("lr", 32, "uint32", "general", CORE, RegisterRole.RETURN_ADDRESS, 14));
        registers.add(new DebugRegister("pc", 32, "code_ptr", "general", CORE, RegisterRole.PROGRAM_COUNTER, 15));
        registers.add(new DebugRegister("cpsr", 32, "uint32", "general", CORE, RegisterRole.FLAGS, -1));
        return List.copyOf(registers);
    }

    @Override
    public String gdbArchitecture() {
        return "arm";
    }

    @Override
    public String triple() {
        return "armv7-none-unknown-eabi";
    }

    @Override
    public List<DebugRegister> registers() {
        return REGISTERS;
    }

    @Override
    public byte[] readRegister(CpuContext context, int number) {
        return RegisterBytes.of(arm(context).register(number), REGISTERS.get(number).bytes());
    }

    /** r0-r14 take any value; pc keeps the thread's ARM or Thumb state; cpsr only its own value. */
    @Override
    public boolean writeRegister(CpuContext context, int number, byte[] value) {
        ArmCpuContext arm = arm(context);
        Integer word = RegisterBytes.word(value);
        if (word == null || number < 0 || number > CPSR) {
            return false;
        }
        if (number <= LAST_GENERAL) {
            arm.setRegister(number, word);
        } else if (number == PC) {
            arm.setInstructionPointer(word & ~THUMB_BIT | (arm.thumb() ? THUMB_BIT : 0));
        } else {
            return word == arm.register(CPSR);
        }
        return true;
    }

    @Override
    public int codeAddress(int instructionPointer) {
        return instructionPointer & ~THUMB_BIT;
    }

    @Override
    public DisassemblyMode modeOf(int instructionPointer) {
        return (instructionPointer & THUMB_BIT) != 0 ? DisassemblyMode.THUMB : DisassemblyMode.ARM;
    }

    /** 2: a 16-bit Thumb instruction, 3: a 32-bit Thumb-2 one, 4: an ARM one. */
    @Override
    public boolean isBreakpointKind(int kind) {
        return kind == 2 || kind == 3 || kind == 4;
    }

    @Override
    public boolean watchpointStopsBeforeAccess() {
        return true;
    }

    private static ArmCpuContext arm(CpuContext context) {
        if (!(context instanceof ArmCpuContext arm)) {
            throw new IllegalArgumentException("not an arm context: " + context);
        }
        return arm;
    }
}
