package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, when an instruction reads or
 * writes mapped memory in the hook's range, before the access happens: {@code type} is
 * {@link UcMemType#READ} or {@link UcMemType#WRITE}, {@code address} the address the engine
 * reports (virtual on 2.0.1; see the engine notes for 2.1), {@code value} what a write stores.
 * The instruction completes whatever the hook does; {@link Unicorn#stop()} stops the CPU before
 * the next one. Exceptions thrown here cannot cross the native frames: the binding catches them,
 * stops the emulation and rethrows them from {@link Unicorn#emulate}.
 */
@FunctionalInterface
public interface MemoryHook {
    void onAccess(int type, long address, int size, long value);
}
