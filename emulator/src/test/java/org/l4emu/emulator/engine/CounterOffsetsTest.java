package org.l4emu.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CounterOffsetsTest {
    @Test
    void equalExactlyWhenBothOffsetsAre() {
        CounterOffsets offsets = new CounterOffsets(0x2F8, 0x300);
        assertEquals(offsets, new CounterOffsets(0x2F8, 0x300));
        assertEquals(offsets.hashCode(), new CounterOffsets(0x2F8, 0x300).hashCode());
        assertNotEquals(offsets, new CounterOffsets(0x2F0, 0x300));
        assertNotEquals(offsets, new CounterOffsets(0x2F8, 0x308));
        assertNotEquals(offsets, new CounterOffsets(0x300, 0x2F8));
        assertNotEquals(offsets, null);
    }
}
