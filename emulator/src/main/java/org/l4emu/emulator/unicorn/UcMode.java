package org.l4emu.emulator.unicorn;

/** Values of {@code uc_mode} that l4emu uses. */
public enum UcMode {
    ARM(0),
    THUMB(1 << 4),
    X86_32(1 << 2);

    private final int value;

    UcMode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
