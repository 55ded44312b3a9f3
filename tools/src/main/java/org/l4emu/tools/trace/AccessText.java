package org.l4emu.tools.trace;

import org.l4emu.kernel.memory.AccessBits;

/** Access bits as the ABI writes them (4 r, 2 w, 1 x) as "rw-". */
final class AccessText {
    private AccessText() {}

    static String of(int bits) {
        return AccessBits.access(bits).toString();
    }
}
