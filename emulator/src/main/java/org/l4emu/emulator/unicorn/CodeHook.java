package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, before each guest instruction
 * runs (at {@code address}, {@code size} bytes long). Exceptions thrown here cannot cross the
 * native frames: the binding catches them, stops the emulation and rethrows them from
 * {@link Unicorn#emulate}.
 */
@FunctionalInterface
public interface CodeHook {
    void onInstruction(long address, int size);
}
