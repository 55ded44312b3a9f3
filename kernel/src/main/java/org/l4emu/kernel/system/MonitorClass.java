package org.l4emu.kernel.system;

import org.l4emu.abi.Abi;

/**
 * Where a monitor sits on a message's path. The constants are in path order: a message passes
 * the source's monitors first, then the system's, then the destination's. Each has the table's
 * code (redirect's class field, a trace's class byte) and name ({@code <redirect class="...">}).
 */
public enum MonitorClass {
    SOURCE(Abi.MonitorClass.SOURCE),
    SYSTEM(Abi.MonitorClass.SYSTEM),
    DESTINATION(Abi.MonitorClass.DESTINATION);

    private final int code;
    private final String xmlName;

    MonitorClass(int code) {
        this.code = code;
        this.xmlName = Abi.MonitorClass.name(code);
    }

    /** The class's code in redirect's op word and in traces. */
    public int code() {
        return code;
    }

    /** The value of {@code <redirect class="...">}. */
    public String xmlName() {
        return xmlName;
    }

    /** The class with {@code code}, or null for a code the ABI does not define. */
    public static MonitorClass ofCode(int code) {
        for (MonitorClass monitorClass : values()) {
            if (monitorClass.code == code) {
                return monitorClass;
            }
        }
        return null;
    }

    /** The class named {@code xmlName}; the schema guarantees it exists. */
    static MonitorClass fromXmlName(String xmlName) {
        for (MonitorClass monitorClass : values()) {
            if (monitorClass.xmlName.equals(xmlName)) {
                return monitorClass;
            }
        }
        throw new IllegalArgumentException("unknown monitor class '" + xmlName + "'");
    }
}
