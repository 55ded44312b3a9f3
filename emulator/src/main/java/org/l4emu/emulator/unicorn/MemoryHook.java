package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, when an instruction reads or
 * writes mapped memory in the hook's range, before the access happens. The instruction
 * completes whatever the hook does; {@link Unicorn#stop()} stops the CPU before the next one.
 * Exceptions are handled as for {@link InterruptHook}.
 */
@FunctionalInterface
public interface MemoryHook {
    /** {@code type} is a {@link UcMemType} value; {@code value} is what a write stores. */
    void onAccess(int type, long address, int size, long value);
}
