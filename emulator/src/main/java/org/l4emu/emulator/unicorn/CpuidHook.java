package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, when an x86 guest executes
 * {@code cpuid} (a {@code UC_HOOK_INSN} for {@code UC_X86_INS_CPUID}). Exceptions thrown here
 * stop the emulation as for {@link InterruptHook}.
 */
@FunctionalInterface
public interface CpuidHook {
    /** Returns true when the hook wrote the results itself and the CPU must not compute its own. */
    boolean onCpuid();
}
