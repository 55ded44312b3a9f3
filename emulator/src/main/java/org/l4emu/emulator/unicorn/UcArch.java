package org.l4emu.emulator.unicorn;

/** Values of {@code uc_arch} that l4emu uses. */
public enum UcArch {
    ARM(1),
    X86(4);

    private final int value;

    UcArch(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
