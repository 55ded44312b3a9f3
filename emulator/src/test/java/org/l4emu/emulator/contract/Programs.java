package org.l4emu.emulator.contract;

/** Guest programs several contract tests run, in any instruction set. */
final class Programs {
    /** Instructions {@link #sumLoop} retires up to and including its system call. */
    static final long SUM_LOOP_INSTRUCTIONS = 2 + 100 * 3 + 1;
    /** The instruction of {@link #sumLoop} each round of the loop starts with. */
    static final int SUM_LOOP_BODY = 2;

    private Programs() {
    }

    /** Argument 0 = 1 + 2 + ... + 100 in a loop (argument 1 counting down), then a system call. */
    static Program sumLoop(IsaFixture isa) {
        Assembler sum = isa.assembler().move(0, 0).move(1, 100);
        int loop = sum.here();
        return sum.add(0, 1).decrement(1).branchIfNotZero(loop).syscall().program();
    }

    /** Argument 1 += 1, system call, and again: a thread counts its own calls. */
    static Program countLoop(IsaFixture isa) {
        return isa.assembler().increment(1).syscall().jump(0).program();
    }

    /** Argument 1 = the word at argument 0, system call, and again. */
    static Program readLoop(IsaFixture isa) {
        return isa.assembler().load(1, 0).syscall().jump(0).program();
    }
}
