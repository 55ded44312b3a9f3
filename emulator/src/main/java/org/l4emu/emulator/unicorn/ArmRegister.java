package org.l4emu.emulator.unicorn;

/** Values of {@code uc_arm_reg} that l4emu uses (unicorn/arm.h of Unicorn 2.0). */
public enum ArmRegister implements EngineRegister {
    CPSR(3),
    LR(10),
    PC(11),
    SP(12),
    R0(66),
    R1(67),
    R2(68),
    R3(69),
    R4(70),
    R5(71),
    R6(72),
    R7(73),
    R8(74),
    R9(75),
    R10(76),
    R11(77),
    R12(78),
    /**
     * TPIDRURO (c13, c0, 3), the user read-only thread register. Deprecated in arm.h in favour of
     * {@link #CP_REG}, but unlike that one it fits in a register batch next to the core registers.
     */
    TPIDRURO(113),
    /** A coprocessor register named by a {@code struct uc_arm_cp_reg} (see {@link ArmCpRegister}). */
    CP_REG(139);

    private final int id;

    ArmRegister(int id) {
        this.id = id;
    }

    @Override
    public int id() {
        return id;
    }

    /** R0..R12 by number. */
    public static ArmRegister general(int number) {
        if (number < 0 || number > 12) {
            throw new IllegalArgumentException("no general register r" + number);
        }
        return values()[R0.ordinal() + number];
    }
}
