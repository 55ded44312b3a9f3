package org.l4emu.emulator.debug;

import java.util.List;
import org.l4emu.emulator.CpuContext;

/**
 * The instruction-set side of debugging a machine: the registers a debugger shows and their
 * layout on the wire, code addresses and encodings, breakpoint kinds and when a watchpoint is
 * reported. One implementation per instruction set; debuggers know no ISA beyond this.
 */
public interface InstructionSet {
    /** The name of GDB's {@code <architecture>} element ({@code arm}, {@code i386}). */
    String gdbArchitecture();

    /** The target triple lldb is told in {@code qHostInfo} and {@code qProcessInfo}. */
    String triple();

    /** Every register in GDB order (numbered from 0 in this order). */
    List<DebugRegister> registers();

    /** Register {@code number}'s value in little-endian bytes ({@link DebugRegister#bytes()} of them). */
    byte[] readRegister(CpuContext context, int number);

    /**
     * Sets register {@code number} from little-endian bytes; false when it cannot be set to that
     * value (a register the machine keeps fixed, or one the thread cannot change).
     */
    boolean writeRegister(CpuContext context, int number, byte[] value);

    /** The address of the instruction {@code instructionPointer} names (arm: without the Thumb bit). */
    int codeAddress(int instructionPointer);

    /** The encoding of the code {@code instructionPointer} (arm: bit 0 = Thumb) names. */
    DisassemblyMode modeOf(int instructionPointer);

    /** True when {@code kind} of a GDB breakpoint packet ({@code Z0,addr,kind}) is one of this ISA's. */
    boolean isBreakpointKind(int kind);

    /**
     * True when a debugger of this ISA expects a watchpoint stop before the access completes and
     * steps over it itself (GDB's "non-steppable watchpoints", ARM); false when after it (x86).
     */
    boolean watchpointStopsBeforeAccess();

    /** The GDB target description: the architecture and every register of {@link #registers()}. */
    default String targetDescription() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n")
                .append("<target version=\"1.0\">\n  <architecture>").append(gdbArchitecture())
                .append("</architecture>\n");
        String feature = null;
        for (DebugRegister register : registers()) {
            if (!register.feature().equals(feature)) {
                if (feature != null) {
                    xml.append("  </feature>\n");
                }
                feature = register.feature();
                xml.append("  <feature name=\"").append(feature).append("\">\n");
            }
            xml.append("    <reg name=\"").append(register.name()).append("\" bitsize=\"").append(register.bits())
                    .append("\" type=\"").append(register.type()).append("\" group=\"").append(register.group())
                    .append('"');
            if (register.role().lldbName() != null) {
                xml.append(" generic=\"").append(register.role().lldbName()).append('"');
            }
            if (register.dwarfNumber() >= 0) {
                xml.append(" dwarf_regnum=\"").append(register.dwarfNumber()).append('"');
            }
            xml.append("/>\n");
        }
        if (feature != null) {
            xml.append("  </feature>\n");
        }
        return xml.append("</target>\n").toString();
    }
}
