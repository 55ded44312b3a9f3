package org.l4emu.emulator.unicorn;

/** A register as {@code uc_reg_read}/{@code uc_reg_write} name it: the architecture's register id. */
public interface EngineRegister {
    int id();
}
