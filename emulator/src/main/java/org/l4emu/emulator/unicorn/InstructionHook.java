package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, when an x86 guest executes an
 * instruction of a {@link X86HookedInstruction} kind. Exceptions thrown here stop the emulation
 * as for {@link InterruptHook}. An {@code in} hooked here reads 0.
 */
@FunctionalInterface
public interface InstructionHook {
    void onInstruction();
}
