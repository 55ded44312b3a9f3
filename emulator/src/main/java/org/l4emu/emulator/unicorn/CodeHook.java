package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, before each guest instruction in
 * the hook's address range runs (at {@code address}, {@code size} bytes long).
 * {@link Unicorn#stop()} called here stops the CPU before the instruction (its count hook has
 * already counted it). Exceptions thrown here cannot cross the native frames: the binding
 * catches them, stops the emulation and rethrows them from {@link Unicorn#emulate}.
 */
@FunctionalInterface
public interface CodeHook {
    void onInstruction(long address, int size);
}
