package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, when the guest accesses memory
 * that no region maps or whose region forbids the access. Exceptions thrown here cannot cross
 * the native frames: the binding catches them, stops the emulation and rethrows them from
 * {@link Unicorn#emulate}.
 */
@FunctionalInterface
public interface InvalidMemoryHook {
    /**
     * {@code type} is a {@link UcMemType} value; returns true when the hook mapped the memory
     * and the access should be retried, false to stop with the matching {@code UC_ERR_*}.
     */
    boolean onInvalidAccess(int type, long address, int size);
}
