package org.l4emu.emulator.unicorn;

/** Values of {@code uc_cpu_arm} that l4emu uses. */
public enum ArmCpuModel {
    CORTEX_A15(17);

    private final int value;

    ArmCpuModel(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
