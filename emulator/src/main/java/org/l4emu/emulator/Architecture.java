package org.l4emu.emulator;

import org.l4emu.emulator.debug.ArmInstructionSet;
import org.l4emu.emulator.debug.InstructionSet;
import org.l4emu.emulator.debug.X86InstructionSet;

/** The guest instruction set architectures a {@link Machine} can emulate. */
public enum Architecture {
    ARM("arm"),
    X86("x86");

    private final String xmlName;

    Architecture(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The name used in system descriptions ({@code <system arch="arm">}). */
    public String xmlName() {
        return xmlName;
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
