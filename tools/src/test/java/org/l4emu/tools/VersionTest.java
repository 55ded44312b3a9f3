package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.EngineInfo;

class VersionTest {
    @Test
    void versionNamesL4emuAndTheEngineInUse() {
        CommandLineRun run = CommandLineRun.of("--version");
        assertEquals(0, run.exitCode());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("l4emu "), lines.get(0));
        assertTrue(lines.get(1).matches("Unicorn 2\\.\\d+\\.\\d+"), lines.get(1));
        assertEquals(EngineInfo.version(), lines.get(1));
    }

    @Test
    void verboseVersionListsTheLibraryAndEveryAcceleratorOfEachMachine() {
        CommandLineRun run = CommandLineRun.of("--version", "--verbose");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("engine library: "), run.out());
        for (String accelerator : List.of("counter", "fault-record", "live-registers", "fast-stores")) {
            assertTrue(run.out().contains("  arm: " + accelerator + ": "), run.out());
        }
        assertTrue(run.out().contains("  x86: counter: "), run.out());
        assertTrue(run.out().contains("  x86: one engine"), run.out());
    }
}
