package org.l4emu.emulator.contract;

import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.arm.ArmCpuContext;
import org.l4emu.emulator.x86.X86CpuContext;

/**
 * What a contract test of the emulator needs of one instruction set beyond the {@code Machine}
 * interface: its code ({@link #assembler()}), how a test sets a thread's argument registers, and
 * which result register a thread reads back in which argument register. Contract tests run once
 * per constant.
 */
public enum IsaFixture {
    ARM(Architecture.ARM) {
        @Override
        public Assembler assembler() {
            return new ArmAssembler();
        }

        @Override
        public void setArgument(CpuContext context, int index, int value) {
            ((ArmCpuContext) context).setRegister(index, value);
        }

        @Override
        public int resultInArgument(int index) {
            return index;
        }

        @Override
        public boolean userMode(CpuContext context) {
            return (context.registers().get("cpsr") & 0x1F) == 0x10;
        }
    },
    X86(Architecture.X86) {
        @Override
        public Assembler assembler() {
            return new X86Assembler();
        }

        /** {@link X86CpuContext} numbers its registers eax, then the arguments in order. */
        @Override
        public void setArgument(CpuContext context, int index, int value) {
            ((X86CpuContext) context).setRegister(index + 1, value);
        }

        /** Results are eax, ebx, ecx, edx; arguments start at ebx. */
        @Override
        public int resultInArgument(int index) {
            return index + 1;
        }

        /** The ring-3 code segment selector. */
        @Override
        public boolean userMode(CpuContext context) {
            return context.registers().get("cs") == 0x1b;
        }
    };

    private final Architecture architecture;

    IsaFixture(Architecture architecture) {
        this.architecture = architecture;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** A new, empty program. */
    public abstract Assembler assembler();

    /** Sets system call argument register {@code index} of {@code context}, as {@link CpuContext#argument} reads it. */
    public abstract void setArgument(CpuContext context, int index, int value);

    /** The {@link CpuContext#setResult} index that the thread finds in argument register {@code index}. */
    public abstract int resultInArgument(int index);

    /** True when {@code context} runs unprivileged. */
    public abstract boolean userMode(CpuContext context);
}
