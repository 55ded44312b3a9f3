package org.l4emu.emulator.unicorn;

/**
 * The x86 instructions that Unicorn runs as an instruction hook ({@code UC_HOOK_INSN}) instead
 * of as the CPU would: with no hook installed each completes as a no-op, even in ring 3, where
 * a CPU faults. Numbers from {@code uc_x86_insn} (unicorn/x86.h); each callback has its own
 * shape, so each kind has its own upcall stub.
 */
public enum X86HookedInstruction {
    /** {@code in} and {@code ins}: {@code uint32_t cb(uc, port, size, user_data)}, the value read. */
    IN(218),
    /** {@code out} and {@code outs}: {@code void cb(uc, port, size, value, user_data)}. */
    OUT(500),
    /** {@code syscall}: {@code void cb(uc, user_data)}; Unicorn moves EIP past it after the call. */
    SYSCALL(699),
    /** {@code sysenter}: as {@link #SYSCALL}. */
    SYSENTER(700);

    private final int number;

    X86HookedInstruction(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }
}
