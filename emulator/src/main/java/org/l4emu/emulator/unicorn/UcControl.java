package org.l4emu.emulator.unicorn;

/**
 * {@code uc_control_type} values for {@code uc_ctl}: the control number, the direction bits
 * (bit 31 write, bit 30 read) and the argument count (bits 29..26), as unicorn.h's UC_CTL macro
 * builds them.
 */
final class UcControl {
    private static final int IO_WRITE = 1;

    private static final int CPU_MODEL = 7;
    private static final int TB_REMOVE_CACHE = 9;
    private static final int TB_FLUSH = 10;
    private static final int TLB_FLUSH = 11;

    static final int WRITE_CPU_MODEL = control(CPU_MODEL, 1, IO_WRITE);
    static final int WRITE_TB_REMOVE_CACHE = control(TB_REMOVE_CACHE, 2, IO_WRITE);
    static final int WRITE_TB_FLUSH = control(TB_FLUSH, 0, IO_WRITE);
    /** Unicorn 2.1 and later. */
    static final int WRITE_TLB_FLUSH = control(TLB_FLUSH, 0, IO_WRITE);

    private UcControl() {
    }

    private static int control(int number, int argumentCount, int io) {
        return number | (argumentCount << 26) | (io << 30);
    }
}
