package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, before an instruction in the
 * hook's address range executes. {@link Unicorn#stop()} called here stops the CPU before the
 * instruction (its count hook has already counted it). Exceptions are handled as for
 * {@link InterruptHook}.
 */
@FunctionalInterface
public interface CodeHook {
    void onInstruction(long address, int size);
}
