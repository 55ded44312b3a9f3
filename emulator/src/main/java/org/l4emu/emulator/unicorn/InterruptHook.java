package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, when the CPU raises an exception
 * or interrupt. Exceptions thrown here cannot cross the native frames: the binding catches them,
 * stops the emulation and rethrows them from {@link Unicorn#emulate}.
 */
@FunctionalInterface
public interface InterruptHook {
    /** {@code number} is the architecture's exception number (QEMU's {@code EXCP_*} on arm). */
    void onInterrupt(int number);
}
