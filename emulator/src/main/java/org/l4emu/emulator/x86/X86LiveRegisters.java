package org.l4emu.emulator.x86;

import static org.l4emu.emulator.engine.InternalsCheck.expect;
import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.engine.RegisterSignature;
import org.l4emu.emulator.host.ReadableMemory;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * The general registers and EIP in QEMU's CPU state ({@link X86CpuState}), read and written in
 * place. Unicorn's register calls decode each register through a large switch, and an EIP
 * written through them inside a hook makes Unicorn leave its CPU loop and enter it again; QEMU
 * fetches the next block from the EIP in its state, which a hook may set like any other word
 * (Unicorn points EIP past an {@code int} before it calls the hook, not after). EFLAGS and the
 * segment registers still go through Unicorn: QEMU keeps the flags in a lazy form, and a
 * selector load fills a descriptor cache.
 *
 * <p>The registers are 64-bit words ({@code target_ulong} of the x86_64 target Unicorn builds);
 * a 32-bit value is written zero-extended, as 32-bit code leaves them.
 */
final class X86LiveRegisters {
    /** The slot in QEMU's {@code regs[]} of each of {@link X86CpuContext}'s first eight registers. */
    private static final int[] SLOT = new int[X86CpuContext.EFLAGS];
    private static final int GENERAL = SLOT.length;
    /** How far into the state EIP may lie. */
    private static final int EIP_SEARCH = 4096;

    static {
        SLOT[X86CpuContext.EAX] = 0;
        SLOT[X86CpuContext.ECX] = 1;
        SLOT[X86CpuContext.EDX] = 2;
        SLOT[X86CpuContext.EBX] = 3;
        SLOT[X86CpuContext.ESP] = 4;
        SLOT[X86CpuContext.EBP] = 5;
        SLOT[X86CpuContext.ESI] = 6;
        SLOT[X86CpuContext.EDI] = 7;
    }

    private final long registers;
    private final long instructionPointer;

    private X86LiveRegisters(long registers, long instructionPointer) {
        this.registers = registers;
        this.instructionPointer = instructionPointer;
    }

    /** The register {@code number} of {@link X86CpuContext} (EAX to ESP). */
    int read(int number) {
        return (int) PROCESS.get(ValueLayout.JAVA_LONG, registers + (long) SLOT[number] * Long.BYTES);
    }

    void write(int number, int value) {
        PROCESS.set(ValueLayout.JAVA_LONG, registers + (long) SLOT[number] * Long.BYTES, Integer.toUnsignedLong(value));
    }

    int readInstructionPointer() {
        return (int) PROCESS.get(ValueLayout.JAVA_LONG, instructionPointer);
    }

    void writeInstructionPointer(int value) {
        PROCESS.set(ValueLayout.JAVA_LONG, instructionPointer, Integer.toUnsignedLong(value));
    }

    /**
     * Finds EIP in {@code state} (the one word that holds two values written to EIP through
     * Unicorn in turn) and checks every register both ways against Unicorn's calls. The
     * registers are left changed.
     */
    static X86LiveRegisters locate(Unicorn unicorn, X86CpuState state, ReadableMemory memory) {
        MemorySegment near = PROCESS.asSlice(state.address(), memory.readableBytes(state.address(), EIP_SEARCH));
        long eip = RegisterSignature.locateWord(near, Long.BYTES, value -> unicorn.writeRegister(X86Register.EIP, value),
                "EIP in the x86 CPU state");
        X86LiveRegisters live = new X86LiveRegisters(state.address(), eip);
        live.checkAgainst(unicorn);
        return live;
    }

    private void checkAgainst(Unicorn unicorn) {
        boolean agree = true;
        for (int number = 0; number < GENERAL; number++) {
            int value = RegisterSignature.value(0x3C3C_0000, number);
            write(number, value);
            agree &= unicorn.readRegister(X86Registers.general(number)) == value;
            unicorn.writeRegister(X86Registers.general(number), ~value);
            agree &= read(number) == ~value;
        }
        writeInstructionPointer(0x0BAD_F00C);
        agree &= unicorn.readRegister(X86Register.EIP) == 0x0BAD_F00C;
        unicorn.writeRegister(X86Register.EIP, 0x0C0F_FEE0);
        agree &= readInstructionPointer() == 0x0C0F_FEE0;
        expect(agree, "the general registers or EIP in the x86 CPU state and Unicorn's register calls disagree");
    }
}
