package org.l4emu.emulator.engine;

import org.l4emu.emulator.EmulatorUnavailableException;

/**
 * A calibration or an accelerator's start-up check found the engine's internals not as l4emu
 * knows them. Machines that can do without the internals catch it and use the public API.
 */
public final class InternalsNotRecognised extends EmulatorUnavailableException {
    private final String failure;

    public InternalsNotRecognised(String failure) {
        super("Unicorn engine internals not recognised (" + failure + ")");
        this.failure = failure;
    }

    /** What was not as expected, in a few words. */
    public String failure() {
        return failure;
    }
}
