package org.l4emu.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;

/**
 * On the engines CI runs (Unicorn 2.0.1 and 2.1.1), every accelerator l4emu tries must pass
 * its start-up check. A failed check only makes l4emu fall back to the public path, and the
 * accelerator's own tests then skip themselves (they test what is active): without this test a
 * calibration broken by a change would show in CI as skipped tests alone.
 */
class AcceleratorsActiveInCiTest {
    @Test
    void noStartUpCheckFailsOnTheEnginesCiRuns() {
        assumeTrue("true".equals(System.getenv("CI")), "CI only: other engines may lack what an accelerator needs");
        assumeTrue(System.getenv(Accelerators.VARIABLE) == null && System.getProperty(Accelerators.PROPERTY) == null,
                "every accelerator is asked for");
        for (Architecture architecture : Architecture.values()) {
            try (Machine ignored = Machines.open(architecture)) {
                Map<Accelerator, Accelerators.Outcome> outcomes = Accelerators.outcomes(architecture.xmlName());
                assertFalse(outcomes.isEmpty(), architecture + ": no accelerator was tried");
                outcomes.forEach((accelerator, outcome) -> assertTrue(
                        outcome.state() == Accelerators.State.ACTIVE || outcome.state() == Accelerators.State.NOT_NEEDED,
                        architecture + ", " + accelerator.key() + ": " + outcome));
            }
        }
    }
}
