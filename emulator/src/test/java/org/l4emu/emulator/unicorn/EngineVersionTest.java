package org.l4emu.emulator.unicorn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineVersionTest {
    @Test
    void packedVersionAsUcVersionReturnsIt() {
        EngineVersion version = EngineVersion.fromPacked(0x020101FF);
        assertEquals("2.1.1", version.number());
        assertEquals("Unicorn 2.1.1", version.toString());
        assertTrue(version.atLeast(2, 1));
        assertFalse(EngineVersion.fromPacked(0x020001FF).atLeast(2, 1));
    }

    @Test
    void theLoadedLibraryReportsVersionTwo() {
        assertEquals(2, Unicorn.version().major());
    }
}
