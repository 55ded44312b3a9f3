package org.l4emu.emulator;

import java.util.LinkedHashMap;

/**
 * The saved user-mode register state of one guest thread, and the architecture's system call
 * convention over it (ABI section 1). Values are 32-bit; the machine masks them.
 */
public interface CpuContext {
    /** The syscall number register (r7 on arm, eax on x86). */
    int syscallNumber();

    /** Syscall argument {@code index}, 0..5 (r0-r5 on arm; ebx, ecx, edx, esi, edi, ebp on x86). */
    int argument(int index);

    /** Sets syscall result {@code index}, 0..3 (r0-r3 on arm; eax, ebx, ecx, edx on x86). */
    void setResult(int index, int value);

    int stackPointer();

    void setStackPointer(int value);

    /** The next instruction's address; on arm bit 0 is set when the thread runs in Thumb state. */
    int instructionPointer();

    /** Sets the next instruction; on arm bit 0 selects Thumb state. */
    void setInstructionPointer(int value);

    /** Sets the per-thread pointer the guest reads its UTCB address from (TPIDRURO on arm, %gs:0 on x86). */
    void setThreadPointer(int utcbAddress);

    /** All registers by their architectural names, in display order (for debuggers and reports). */
    LinkedHashMap<String, Integer> registers();
}
