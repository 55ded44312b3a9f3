package org.l4emu.emulator.spacetlb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class JumpCacheTest {
    private static final int SLOTS_PER_GROUP = 64;

    @Test
    void theJumpCacheSlotsAreQemus() {
        // tb_jmp_cache_hash_func of QEMU 5.0 with 1 KiB and 4 KiB target pages.
        assertEquals(0x100, JumpCache.slot(0x1000, 10));
        assertEquals(0x115, JumpCache.slot(0x1014, 10));
        assertEquals(0x040, JumpCache.slot(0x1000, 12));
        assertEquals(0x003, JumpCache.slot(0xFFFF_FFFC, 10));
    }

    /** Every slot of the groups given is emptied, and no other. */
    @Test
    void clearingEmptiesExactlyTheGroupsGiven() {
        long groups = 0xF0L | 1L << 10 | 1L << 12 | 1L << 13 | 1L << 62 | 1L << 63;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slots = arena.allocate(JumpCache.SLOTS * (long) Long.BYTES, Long.BYTES);
            slots.fill((byte) 0x5A);
            new JumpCache(slots.address(), 10).clear(groups);
            for (int slot = 0; slot < JumpCache.SLOTS; slot++) {
                boolean cleared = (groups >>> (slot / SLOTS_PER_GROUP) & 1) != 0;
                assertEquals(cleared ? 0L : 0x5A5A_5A5A_5A5A_5A5AL, slots.getAtIndex(ValueLayout.JAVA_LONG, slot),
                        "slot " + slot);
            }
        }
    }
}
