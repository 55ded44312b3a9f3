package org.l4emu.emulator.debug;

/**
 * One register as a debugger sees it, in the order of the GDB target description (the order of
 * the {@code g} packet and the {@code p} register numbers).
 *
 * @param feature     the GDB target feature it belongs to (e.g. {@code org.gnu.gdb.arm.core})
 * @param type        the GDB type ({@code uint32}, {@code code_ptr}, {@code i387_ext}, ...)
 * @param group       the GDB register group ({@code general}, {@code float})
 * @param dwarfNumber its DWARF register number, or -1 when the ABI gives none
 */
public record DebugRegister(String name, int bits, String type, String group, String feature, RegisterRole role,
                            int dwarfNumber) {
    public int bytes() {
        return bits / 8;
    }
}
