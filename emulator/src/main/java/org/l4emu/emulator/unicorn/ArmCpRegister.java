package org.l4emu.emulator.unicorn;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * A 32-bit coprocessor register (or operation), CP15 unless said otherwise, as
 * {@code struct uc_arm_cp_reg} names it: {@code {u32 cp, is64, sec, crn, crm, opc1, opc2; u64 val}}
 * (40 bytes, val at offset 32). Registers banked by the Security Extensions exist once per
 * {@link Bank}.
 */
public record ArmCpRegister(String name, int coprocessor, int crn, int crm, int opc1, int opc2) {
    public static final ArmCpRegister SCTLR = new ArmCpRegister("SCTLR", 1, 0, 0, 0);
    /** Secure Configuration Register; only in the secure bank. Bit 0 (NS) selects the security state. */
    public static final ArmCpRegister SCR = new ArmCpRegister("SCR", 1, 1, 0, 0);
    public static final ArmCpRegister TTBR0 = new ArmCpRegister("TTBR0", 2, 0, 0, 0);
    public static final ArmCpRegister TTBCR = new ArmCpRegister("TTBCR", 2, 0, 0, 2);
    public static final ArmCpRegister DACR = new ArmCpRegister("DACR", 3, 0, 0, 0);
    public static final ArmCpRegister DFSR = new ArmCpRegister("DFSR", 5, 0, 0, 0);
    public static final ArmCpRegister DFAR = new ArmCpRegister("DFAR", 6, 0, 0, 0);
    /** Invalidates every TLB entry, of both security states. */
    public static final ArmCpRegister TLBIALL = new ArmCpRegister("TLBIALL", 8, 7, 0, 0);
    /** Invalidates the entries for one page (the value, page aligned), of every regime. */
    public static final ArmCpRegister TLBIMVA = new ArmCpRegister("TLBIMVA", 8, 7, 0, 1);
    /** Invalidates the non-secure PL1&0 entries only (a Hyp-mode operation). */
    public static final ArmCpRegister TLBIALLNSNH = new ArmCpRegister("TLBIALLNSNH", 8, 7, 4, 4);
    public static final ArmCpRegister CONTEXTIDR = new ArmCpRegister("CONTEXTIDR", 13, 0, 0, 1);
    /** User read/write thread ID register, banked: user code reads and writes it freely. */
    public static final ArmCpRegister TPIDRURW = new ArmCpRegister("TPIDRURW", 13, 0, 0, 2);
    public static final ArmCpRegister TPIDRURO = new ArmCpRegister("TPIDRURO", 13, 0, 0, 3);
    /**
     * ThumbEE handler base register (CP14), not banked: user code reads and writes it while
     * TEECR.XED is clear, as it is from reset.
     */
    public static final ArmCpRegister TEEHBR = new ArmCpRegister("TEEHBR", 14, 1, 0, 6, 0);

    private static final int CP15 = 15;

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("cp"),
            ValueLayout.JAVA_INT.withName("is64"),
            ValueLayout.JAVA_INT.withName("sec"),
            ValueLayout.JAVA_INT.withName("crn"),
            ValueLayout.JAVA_INT.withName("crm"),
            ValueLayout.JAVA_INT.withName("opc1"),
            ValueLayout.JAVA_INT.withName("opc2"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("val"));

    static final long VALUE_OFFSET = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("val"));

    /** A CP15 register. */
    public ArmCpRegister(String name, int crn, int crm, int opc1, int opc2) {
        this(name, CP15, crn, crm, opc1, opc2);
    }

    /** The two copies of a banked register; unbanked registers are reached through {@link #NON_SECURE}. */
    public enum Bank {
        NON_SECURE,
        SECURE
    }

    /** Fills {@code struct} (at least {@link #LAYOUT} bytes) so that it names this register in {@code bank}, value 0. */
    void describeIn(MemorySegment struct, Bank bank) {
        struct.set(ValueLayout.JAVA_INT, 0, coprocessor);
        struct.set(ValueLayout.JAVA_INT, 4, 0);
        struct.set(ValueLayout.JAVA_INT, 8, bank == Bank.SECURE ? 1 : 0);
        struct.set(ValueLayout.JAVA_INT, 12, crn);
        struct.set(ValueLayout.JAVA_INT, 16, crm);
        struct.set(ValueLayout.JAVA_INT, 20, opc1);
        struct.set(ValueLayout.JAVA_INT, 24, opc2);
        struct.set(ValueLayout.JAVA_LONG, VALUE_OFFSET, 0L);
    }

    @Override
    public String toString() {
        return name;
    }
}
