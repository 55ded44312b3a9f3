package org.l4emu.emulator.contract;

/** IA-32 encodings (checked with {@code as --32}); arguments are ebx, ecx, edx, esi, edi, ebp. */
final class X86Assembler extends Assembler {
    /** The ModRM numbers of the argument registers, in argument order. */
    private static final int[] ARGUMENT_REGISTERS = {3, 1, 2, 6, 7, 5};
    private static final int EAX = 0;
    private static final int EBP = 5;

    @Override
    public Assembler nop() {
        return emit((byte) 0x90);
    }

    @Override
    public Assembler syscall() {
        return emit((byte) 0xCD, (byte) 0x80);
    }

    @Override
    public Assembler syscallNumber(int number) {
        return moveImmediate(EAX, number);
    }

    @Override
    public Assembler move(int argument, int value) {
        return moveImmediate(register(argument), value);
    }

    @Override
    public Assembler add(int argument, int source) {
        return emit((byte) 0x01, modRm(3, register(source), register(argument)));
    }

    @Override
    public Assembler increment(int argument) {
        return emit((byte) (0x40 + register(argument)));
    }

    @Override
    public Assembler decrement(int argument) {
        return emit((byte) (0x48 + register(argument)));
    }

    @Override
    public Assembler load(int argument, int base) {
        return emit((byte) 0x8B, modRm(0, register(argument), memoryBase(base)));
    }

    @Override
    public Assembler store(int argument, int base, int displacement) {
        if (displacement == 0) {
            return emit((byte) 0x89, modRm(0, register(argument), memoryBase(base)));
        }
        return emit((byte) 0x89, modRm(1, register(argument), memoryBase(base)), (byte) displacement);
    }

    @Override
    public Assembler readThreadPointer(int argument) {
        return emit((byte) 0x65, (byte) 0x8B, modRm(0, register(argument), EBP), (byte) 0, (byte) 0, (byte) 0,
                (byte) 0);
    }

    @Override
    public Assembler jump(int label) {
        return emit((byte) 0xEB, shortDisplacement(label));
    }

    @Override
    public Assembler branchIfNotZero(int label) {
        return emit((byte) 0x75, shortDisplacement(label));
    }

    @Override
    public Assembler jumpTo(int argument) {
        return emit((byte) 0xFF, modRm(3, 4, register(argument)));
    }

    @Override
    public Assembler undefined() {
        return emit((byte) 0x0F, (byte) 0x0B);
    }

    @Override
    public Assembler breakpoint() {
        return emit((byte) 0xCC);
    }

    private Assembler moveImmediate(int register, int value) {
        return emit((byte) (0xB8 + register), (byte) value, (byte) (value >>> 8), (byte) (value >>> 16),
                (byte) (value >>> 24));
    }

    /** From the end of a two-byte jump. */
    private byte shortDisplacement(int label) {
        int displacement = bytesBackTo(label) - 2;
        if (displacement < Byte.MIN_VALUE) {
            throw new IllegalArgumentException("label " + label + " is beyond a short jump");
        }
        return (byte) displacement;
    }

    private static int register(int argument) {
        return ARGUMENT_REGISTERS[argument];
    }

    /** Mod 0 with ebp as base means an absolute address instead. */
    private static int memoryBase(int argument) {
        int register = register(argument);
        if (register == EBP) {
            throw new IllegalArgumentException("ebp cannot be a base without a displacement here");
        }
        return register;
    }

    private static byte modRm(int mod, int reg, int rm) {
        return (byte) (mod << 6 | reg << 3 | rm);
    }
}
