package org.l4emu.emulator.arm;

/** Hand-assembled Thumb-2 halfwords used by the tests (checked with arm-none-eabi-as). */
final class Thumb {
    static final int NOP = 0xBF00;
    static final int MOVS_R0_11 = 0x200B;
    static final int MOVS_R7_5 = 0x2705;
    static final int ADDS_R0_1 = 0x3001;
    static final int SVC_0 = 0xDF00;
    static final int SVC_255 = 0xDFFF;
    static final int UDF_3 = 0xDE03;
    static final int CMP_R0_0 = 0x2800;
    /** ite eq */
    static final int ITE_EQ = 0xBF0C;
    /** ldreq r1, [r2] inside the IT block */
    static final int LDR_R1_R2 = 0x6811;
    /** ldrne r1, [r3] inside the IT block */
    static final int LDR_R1_R3 = 0x6819;
    /** str.w r1, [r0, #8]: a 32-bit instruction, two halfwords. */
    static final int STR_W_R1_R0_8_FIRST = 0xF8C0;
    static final int STR_W_R1_R0_8_SECOND = 0x1008;
    /** mrc p15, 0, r0, c13, c0, 3 */
    static final int MRC_TPIDRURO_R0_FIRST = 0xEE1D;
    static final int MRC_TPIDRURO_R0_SECOND = 0x0F70;

    private Thumb() {
    }
}
