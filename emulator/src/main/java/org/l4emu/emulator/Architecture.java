package org.l4emu.emulator;

import org.l4emu.emulator.debug.ArmInstructionSet;
import org.l4emu.emulator.debug.InstructionSet;
import org.l4emu.emulator.debug.X86InstructionSet;

/** The guest instruction set architectures a {@link Machine} can emulate. */
public enum Architecture {
    ARM("arm", 1),
    X86("x86", 2);

    private final String xmlName;
    private final int bootInfoCode;

    Architecture(String xmlName, int bootInfoCode) {
        this.xmlName = xmlName;
        this.bootInfoCode = bootInfoCode;
    }

    /** The name used in system descriptions ({@code <system arch="arm">}). */
    public String xmlName() {
        return xmlName;
    }

    /** The code the ABI puts in the boot info page (+8). */
    public int bootInfoCode() {
        return bootInfoCode;
    }

    /** What a debugger needs to know of this architecture's instruction set. */
    public InstructionSet instructionSet() {
        return switch (this) {
            case ARM -> ArmInstructionSet.INSTANCE;
            case X86 -> X86InstructionSet.INSTANCE;
        };
    }

    public static Architecture fromXmlName(String name) {
        for (Architecture a : values()) {
            if (a.xmlName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'");
    }
}
