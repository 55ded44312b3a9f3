package org.l4emu.emulator;

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

    public static Architecture fromXmlName(String name) {
        for (Architecture a : values()) {
            if (a.xmlName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'");
    }
}
