package org.l4emu.emulator.arm;

/** Hand-assembled ARM (A32) instruction words used by the tests (checked with arm-none-eabi-as). */
final class Arm {
    static final int NOP = 0xE320F000;
    static final int SVC_0 = 0xEF000000;
    static final int SVC_123456 = 0xEF123456;
    static final int MOV_R0_0 = 0xE3A00000;
    static final int MOV_R0_11 = 0xE3A0000B;
    static final int MOV_R0_1 = 0xE3A00001;
    static final int MOV_R0_2 = 0xE3A00002;
    static final int MOV_R1_22 = 0xE3A01016;
    static final int MOV_R1_100 = 0xE3A01064;
    static final int ADD_R0_R0_R1 = 0xE0800001;
    static final int ADD_R1_R1_1 = 0xE2811001;
    static final int ADD_R0_R0_4096 = 0xE2800A01;
    static final int SUBS_R1_R1_1 = 0xE2511001;
    /** bne back two instructions (to the add of the loop). */
    static final int BNE_MINUS_2 = 0x1AFFFFFC;
    static final int LDR_R1_R0 = 0xE5901000;
    static final int STR_R1_R0_4 = 0xE5801004;
    /** str r1, [r0, #4]! */
    static final int STR_R1_R0_4_WRITEBACK = 0xE5A01004;
    static final int LDREX_R1_R0 = 0xE1901F9F;
    static final int MRC_TPIDRURO_R0 = 0xEE1D0F70;
    /** mrc p15, 0, r0, c13, c0, 2: reads TPIDRURW, the user read/write thread register. */
    static final int MRC_TPIDRURW_R0 = 0xEE1D0F50;
    /** mcr p15, 0, r2, c13, c0, 2 */
    static final int MCR_TPIDRURW_R2 = 0xEE0D2F50;
    /** mrc p14, 6, r1, c1, c0, 0: reads TEEHBR, the ThumbEE handler base. */
    static final int MRC_TEEHBR_R1 = 0xEED11E10;
    /** mcr p14, 6, r3, c1, c0, 0 */
    static final int MCR_TEEHBR_R3 = 0xEEC13E10;
    /** mcr p15, 0, r0, c1, c0, 0: a write to SCTLR, privileged. */
    static final int MCR_SCTLR_R0 = 0xEE010F10;
    static final int UDF_0 = 0xE7F000F0;
    static final int BKPT_5 = 0xE1200075;
    static final int YIELD = 0xE320F001;
    static final int WFE = 0xE320F002;
    static final int WFI = 0xE320F003;
    static final int BX_R0 = 0xE12FFF10;

    private Arm() {
    }

    /** {@code b} to {@code instructions} instructions from this one (negative: back). */
    /** mov r0, #immediate (0 to 255). */
    static int movR0(int immediate) {
        return MOV_R0_0 | immediate;
    }

    static int branch(int instructions) {
        return 0xEA000000 | ((instructions - 2) & 0x00FFFFFF);
    }
}
