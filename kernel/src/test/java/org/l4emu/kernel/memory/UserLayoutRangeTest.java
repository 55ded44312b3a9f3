package org.l4emu.kernel.memory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** User memory is 0x00001000-0xBFFFFFFF (ABI section 1): the range check at both ends. */
class UserLayoutRangeTest {
    @Test
    void rangesInsideUserMemory() {
        assertTrue(UserLayout.isUserRange(0x1000L, 0));
        assertTrue(UserLayout.isUserRange(0x1000L, 4));
        assertTrue(UserLayout.isUserRange(0xBFFFFFFCL, 4));
        assertTrue(UserLayout.isUserRange(0xBFFFFFFFL, 0));
        assertTrue(UserLayout.isUserRange(0xBFFFFFFFL, 1));
    }

    @Test
    void anEmptyRangeAtTheFirstKernelAddressIsNotUserMemory() {
        assertFalse(UserLayout.isUserRange(0xC0000000L, 0));
        assertFalse(UserLayout.isUserRange(0xFFFFFFFFL, 0));
        assertFalse(UserLayout.isUserRange(0xFFFL, 0));
    }

    @Test
    void rangesRunningOutOfUserMemory() {
        assertFalse(UserLayout.isUserRange(0xBFFFFFFCL, 8));
        assertFalse(UserLayout.isUserRange(0xFFCL, 8));
        assertFalse(UserLayout.isUserRange(0x1000L, -1));
    }
}
