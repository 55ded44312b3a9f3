package org.l4emu.tools.check;

/** The classes of redirection rules (R1), in path order, as a trace names them. */
enum MonitorClass {
    SOURCE, SYSTEM, DESTINATION;

    static MonitorClass named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
