package org.l4emu.emulator.spacetlb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JumpCacheTest {
    @Test
    void theJumpCacheSlotsAreQemus() {
        // tb_jmp_cache_hash_func of QEMU 5.0 with 1 KiB and 4 KiB target pages.
        assertEquals(0x100, JumpCache.slot(0x1000, 10));
        assertEquals(0x115, JumpCache.slot(0x1014, 10));
        assertEquals(0x040, JumpCache.slot(0x1000, 12));
        assertEquals(0x003, JumpCache.slot(0xFFFF_FFFC, 10));
    }
}
