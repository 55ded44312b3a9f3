package org.l4emu.emulator.unicorn;

/**
 * Called on the emulating thread, inside {@code uc_emu_start}, for each guest data access while
 * installed: {@code type} is {@link UcMemType#READ} or {@link UcMemType#WRITE}, {@code address}
 * the virtual address. Exceptions thrown here cannot cross the native frames: the binding
 * catches them, stops the emulation and rethrows them from {@link Unicorn#emulate}.
 */
@FunctionalInterface
public interface MemoryHook {
    void onAccess(int type, long address, int size);
}
