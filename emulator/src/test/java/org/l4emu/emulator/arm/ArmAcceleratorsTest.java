package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;

/** On the engines l4emu supports (2.0.1 and 2.1.x), every accelerator the setting allows passes its start-up check. */
class ArmAcceleratorsTest {
    @Test
    void everyAllowedAcceleratorPassesItsCheck() {
        try (ArmMachine ignored = new ArmMachine(1 << 20)) {
            Map<Accelerator, Accelerators.Outcome> outcomes = Accelerators.outcomes("arm");
            for (Accelerator accelerator : Accelerator.values()) {
                Accelerators.Outcome outcome = outcomes.get(accelerator);
                assertNotEquals(Accelerators.State.CHECK_FAILED, outcome.state(), accelerator.key() + ": " + outcome);
                if (!Accelerators.allowed(accelerator)) {
                    assertEquals(Accelerators.State.SWITCHED_OFF, outcome.state(), accelerator.key());
                }
            }
        }
    }
}
