package org.l4emu.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AcceleratorsTest {
    @Test
    void settingNamesAllNoneOrAList() {
        assertEquals(EnumSet.allOf(Accelerator.class), Accelerators.parse("all"));
        assertEquals(EnumSet.allOf(Accelerator.class), Accelerators.parse(""));
        assertEquals(EnumSet.noneOf(Accelerator.class), Accelerators.parse("none"));
        assertEquals(EnumSet.of(Accelerator.COUNTER, Accelerator.FAST_STORES),
                Accelerators.parse("counter, fast-stores"));
    }

    @Test
    void unknownAcceleratorIsOneLineNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Accelerators.parse("turbo"));
        assertEquals("L4EMU_ACCELERATORS: unknown accelerator 'turbo' (all, none, or a list of counter, fault-record,"
                + " live-registers, fast-stores, space-tlbs, block-tags)", e.getMessage());
    }

    @Test
    void aFailedCheckIsReportedOnceOnStandardErrorAndRecorded() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Accelerators.reportTo(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Accelerators.record("arm", Accelerator.FAST_STORES, Accelerators.State.CHECK_FAILED, "found 0 candidates");
            Accelerators.record("arm", Accelerator.FAST_STORES, Accelerators.State.CHECK_FAILED, "found 0 candidates");
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals("l4emu: accelerator fast-stores dropped on arm (found 0 candidates); using Unicorn's public API"
                    + " instead\n", text);
            assertEquals(Accelerators.State.CHECK_FAILED, Accelerators.outcomes("arm").get(Accelerator.FAST_STORES).state());
            assertTrue(Accelerators.outcomes("arm").get(Accelerator.FAST_STORES).toString().contains("found 0 candidates"));
        } finally {
            Accelerators.reportTo(System.err);
        }
    }
}
