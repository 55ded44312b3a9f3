package org.l4emu.emulator.engine;

import org.l4emu.emulator.EmulatorUnavailableException;

/** The one failure of every calibration: the library is not laid out as l4emu knows. */
public final class InternalsCheck {
    private InternalsCheck() {
    }

    /** Throws {@link EmulatorUnavailableException} naming {@code failure} unless {@code condition}. */
    public static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new EmulatorUnavailableException("Unicorn engine internals not recognised (" + failure
                    + "): l4emu needs the Debian libunicorn2 2.0.1 build or one laid out like it");
        }
    }
}
