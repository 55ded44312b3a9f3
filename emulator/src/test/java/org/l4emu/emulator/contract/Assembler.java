package org.l4emu.emulator.contract;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Writes a guest program in one instruction set from operations every instruction set has, each
 * one instruction. Operands are system call argument registers (ABI section 1: arm r0-r5, x86
 * ebx, ecx, edx, esi, edi, ebp), so that what a program computes is what the kernel reads as
 * arguments. Labels are instruction indexes ({@link #here()}).
 */
public abstract class Assembler {
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private int[] offsets = new int[0];

    /** The index of the next instruction, to jump back to. */
    public final int here() {
        return offsets.length;
    }

    public final Program program() {
        return new Program(code.toByteArray(), offsets.clone());
    }

    /** The number of bytes from the end of the program so far to instruction {@code label}. */
    protected final int bytesBackTo(int label) {
        return offsets[label] - code.size();
    }

    protected final Assembler emit(byte... instruction) {
        offsets = Arrays.copyOf(offsets, offsets.length + 1);
        offsets[offsets.length - 1] = code.size();
        code.writeBytes(instruction);
        return this;
    }

    public abstract Assembler nop();

    /** The system call trap (arm {@code svc 0}, x86 {@code int $0x80}). */
    public abstract Assembler syscall();

    /** Sets the system call number register (arm r7, x86 eax) to {@code number} (0-255). */
    public abstract Assembler syscallNumber(int number);

    /** Argument {@code argument} = {@code value} (0-255). */
    public abstract Assembler move(int argument, int value);

    /** Argument {@code argument} += argument {@code source}. */
    public abstract Assembler add(int argument, int source);

    public abstract Assembler increment(int argument);

    /** Argument {@code argument} -= 1, setting the zero flag that {@link #branchIfNotZero} tests. */
    public abstract Assembler decrement(int argument);

    /** Argument {@code argument} = the word at the address in argument {@code base}. */
    public abstract Assembler load(int argument, int base);

    /** The word at the address in argument {@code base} plus {@code displacement} (0-127) = argument {@code argument}. */
    public abstract Assembler store(int argument, int base, int displacement);

    /** Argument {@code argument} = the thread pointer (arm TPIDRURO, x86 {@code %gs:0}). */
    public abstract Assembler readThreadPointer(int argument);

    public abstract Assembler jump(int label);

    public abstract Assembler branchIfNotZero(int label);

    /** Goes on at the address in argument {@code argument}. */
    public abstract Assembler jumpTo(int argument);

    /** The instruction set's permanently undefined instruction (arm {@code udf}, x86 {@code ud2}). */
    public abstract Assembler undefined();

    /** The instruction set's breakpoint instruction (arm {@code bkpt}, x86 {@code int3}). */
    public abstract Assembler breakpoint();
}
