package org.l4emu.emulator.engine;

import java.util.function.Supplier;

/** The one failure of every calibration: the library is not laid out as l4emu knows. */
public final class InternalsCheck {
    private InternalsCheck() {
    }

    /** Throws {@link InternalsNotRecognised} naming {@code failure} unless {@code condition}. */
    public static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new InternalsNotRecognised(failure);
        }
    }

    /** As {@link #expect(boolean, String)}, the message made only on failure. */
    public static void expect(boolean condition, Supplier<String> failure) {
        if (!condition) {
            throw new InternalsNotRecognised(failure.get());
        }
    }
}
