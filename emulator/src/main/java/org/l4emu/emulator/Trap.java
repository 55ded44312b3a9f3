package org.l4emu.emulator;

/** Why {@link Machine#run} returned control to the kernel. */
public sealed interface Trap {
    /** The thread executed the system call instruction; its context is positioned after it. */
    record Syscall() implements Trap {}

    /** A {@link TrapHandler} handled a system call and ended the run there. */
    record Handled() implements Trap {}

    /** The instruction budget given to {@link Machine#run} was used up. */
    record BudgetExhausted() implements Trap {}

    /**
     * A memory access to an unmapped page or without the needed rights. The context's
     * instruction pointer still points at the faulting instruction.
     */
    record PageFault(int address, Access access, int instructionPointer) implements Trap {}

    /** Any other exception raised by the thread's instruction at {@code instructionPointer}. */
    record CpuException(Kind kind, int address, int instructionPointer) implements Trap {}

    enum Kind {
        UNDEFINED_INSTRUCTION,
        ALIGNMENT,
        PRIVILEGED_INSTRUCTION,
        DIVIDE_ERROR,
        BREAKPOINT,
        OTHER
    }

    Syscall SYSCALL = new Syscall();
    Handled HANDLED = new Handled();
    BudgetExhausted BUDGET_EXHAUSTED = new BudgetExhausted();
}
