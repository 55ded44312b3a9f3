package org.l4emu.emulator.unicorn;

/** Memory protection bits for {@code uc_mem_map*}. */
public final class UcProt {
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXEC = 4;
    public static final int ALL = READ | WRITE | EXEC;

    private UcProt() {
    }
}
