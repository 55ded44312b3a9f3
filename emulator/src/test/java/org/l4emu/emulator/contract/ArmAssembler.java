package org.l4emu.emulator.contract;

/** A32 encodings (checked with arm-none-eabi-as); argument {@code i} is register r{@code i}. */
final class ArmAssembler extends Assembler {
    private static final int SYSCALL_NUMBER_REGISTER = 7;

    @Override
    public Assembler nop() {
        return word(0xE320F000);
    }

    @Override
    public Assembler syscall() {
        return word(0xEF000000);
    }

    @Override
    public Assembler syscallNumber(int number) {
        return move(SYSCALL_NUMBER_REGISTER, number);
    }

    @Override
    public Assembler move(int argument, int value) {
        return word(0xE3A00000 | argument << 12 | immediate(value));
    }

    @Override
    public Assembler add(int argument, int source) {
        return word(0xE0800000 | argument << 16 | argument << 12 | source);
    }

    @Override
    public Assembler increment(int argument) {
        return word(0xE2800001 | argument << 16 | argument << 12);
    }

    @Override
    public Assembler decrement(int argument) {
        return word(0xE2500001 | argument << 16 | argument << 12);
    }

    @Override
    public Assembler load(int argument, int base) {
        return word(0xE5900000 | base << 16 | argument << 12);
    }

    @Override
    public Assembler store(int argument, int base, int displacement) {
        return word(0xE5800000 | base << 16 | argument << 12 | immediate(displacement));
    }

    @Override
    public Assembler readThreadPointer(int argument) {
        return word(0xEE1D0F70 | argument << 12);
    }

    @Override
    public Assembler jump(int label) {
        return word(0xEA000000 | branchOffset(label));
    }

    @Override
    public Assembler branchIfNotZero(int label) {
        return word(0x1A000000 | branchOffset(label));
    }

    @Override
    public Assembler jumpTo(int argument) {
        return word(0xE12FFF10 | argument);
    }

    @Override
    public Assembler undefined() {
        return word(0xE7F000F0);
    }

    @Override
    public Assembler breakpoint() {
        return word(0xE1200070);
    }

    /** The pc reads two instructions ahead. */
    private int branchOffset(int label) {
        return (bytesBackTo(label) / 4 - 2) & 0x00FF_FFFF;
    }

    private static int immediate(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("immediate " + value + " is not 0-255");
        }
        return value;
    }

    private Assembler word(int word) {
        return emit((byte) word, (byte) (word >>> 8), (byte) (word >>> 16), (byte) (word >>> 24));
    }
}
