package org.l4emu.emulator.arm;

import org.l4emu.emulator.Trap;

/**
 * Describes the exceptions Unicorn hands to the interrupt hook without entering them (so DFAR,
 * DFSR and IFAR stay unset): prefetch and data aborts, and whether a run that Unicorn ended with
 * {@code UC_ERR_INSN_INVALID} met an undefined instruction or completed a YIELD or WFE hint.
 */
interface Aborts {
    /** What a run that ended with {@code UC_ERR_INSN_INVALID} met. */
    enum InvalidInstruction {
        /** An undefined instruction, at the PC. */
        UNDEFINED,
        /** A YIELD or WFE hint, which completed: the PC is after it. */
        HINT
    }

    /** Inside the hook at an abort, before anything else runs: keeps what describes it. */
    void capture();

    /** The trap for the prefetch abort {@code thread} (its registers saved, PC at the instruction) took in {@code space}. */
    Trap prefetchAbort(ArmCpuContext thread, ArmAddressSpace space);

    /** The trap for the data abort {@code thread} (its registers saved, PC at the instruction) took in {@code space}. */
    Trap dataAbort(ArmCpuContext thread, ArmAddressSpace space);

    /** After a run ended with {@code UC_ERR_INSN_INVALID}, the CPU at {@code pc}. */
    InvalidInstruction invalidInstruction(long pc);
}
