package org.l4emu.kernel.system;

/**
 * Where a monitor sits on a message's path. The constants are in path order: a message passes
 * the source's monitors first, then the system's, then the destination's.
 */
public enum MonitorClass {
    SOURCE("source"),
    SYSTEM("system"),
    DESTINATION("destination");

    private final String xmlName;

    MonitorClass(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The value of {@code <redirect class="...">}. */
    public String xmlName() {
        return xmlName;
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
