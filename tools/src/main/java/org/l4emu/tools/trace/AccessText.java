package org.l4emu.tools.trace;

import org.l4emu.emulator.Access;

/** Access bits (4 r, 2 w, 1 x) as "rw-". */
final class AccessText {
    private AccessText() {}

    static String of(int bits) {
        return Access.of(bits).toString();
    }
}
