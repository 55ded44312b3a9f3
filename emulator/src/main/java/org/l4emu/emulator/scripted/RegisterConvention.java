package org.l4emu.emulator.scripted;

import org.l4emu.emulator.Architecture;

/**
 * The register file a scripted thread has and the system call convention over it (ABI section
 * 1): the same names and argument and result registers as the real CPU of the architecture, so
 * that the kernel sees exactly what it sees on that CPU.
 */
enum RegisterConvention {
    ARM(new String[] {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "sp", "lr",
            "pc", "cpsr"}, 7, new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3}, 13, 15, "tpidruro"),
    X86(new String[] {"eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp", "eip", "eflags"}, 0,
            new int[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1, 2, 3}, 7, 8, "gs:0");

    private final String[] names;
    private final int syscallNumber;
    private final int[] arguments;
    private final int[] results;
    private final int stackPointer;
    private final int instructionPointer;
    private final String threadPointerName;

    RegisterConvention(String[] names, int syscallNumber, int[] arguments, int[] results, int stackPointer,
                       int instructionPointer, String threadPointerName) {
        this.names = names;
        this.syscallNumber = syscallNumber;
        this.arguments = arguments;
        this.results = results;
        this.stackPointer = stackPointer;
        this.instructionPointer = instructionPointer;
        this.threadPointerName = threadPointerName;
    }

    static RegisterConvention of(Architecture architecture) {
        return switch (architecture) {
            case ARM -> ARM;
            case X86 -> X86;
        };
    }

    int registerCount() {
        return names.length;
    }

    String name(int register) {
        return names[register];
    }

    int syscallNumber() {
        return syscallNumber;
    }

    int argumentCount() {
        return arguments.length;
    }

    int argument(int index) {
        return arguments[index];
    }

    int resultCount() {
        return results.length;
    }

    int result(int index) {
        return results[index];
    }

    int stackPointer() {
        return stackPointer;
    }

    int instructionPointer() {
        return instructionPointer;
    }

    String threadPointerName() {
        return threadPointerName;
    }
}
