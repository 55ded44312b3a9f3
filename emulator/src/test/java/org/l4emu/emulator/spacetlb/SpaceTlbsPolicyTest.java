package org.l4emu.emulator.spacetlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.host.CLibrary;

/**
 * The rules of {@link SpaceTlbs}, on QEMU's structures as x86 on Unicorn 2.1 lays them out but
 * made here, without an engine: which table a space gets back, when it is dropped instead, and
 * what a switch clears.
 */
class SpaceTlbsPolicyTest {
    private static final TlbShape SHAPE = new TlbShape(Long.BYTES, 12, 6);
    private static final int DIRTY_BIT = 1 << 1;
    private static final long QEMU_MASK = SHAPE.maskOf(256);
    private static final MethodHandle MALLOC = CLibrary.function("malloc");
    private static final int GROUP_BYTES = 64 * Long.BYTES;

    private Arena arena;
    private long dirty;
    private long desc;
    private long pair;
    private long jumpCache;
    private int codeGeneration;
    private SpaceTlbLayout layout;
    private SpaceTlbs tlbs;

    /** An address space as the policy sees it. */
    private final class Space extends TlbSpace {
        boolean destroyed;
        boolean writable;

        Space() {
            super(codeGeneration);
        }

        @Override
        protected int codeGeneration() {
            return codeGeneration;
        }

        @Override
        protected boolean anyWritableFrameMayHoldCode() {
            return writable;
        }

        @Override
        public boolean isDestroyed() {
            return destroyed;
        }

        void mapCode(int page) {
            mapping(page, true, false);
        }
    }

    @BeforeEach
    void makeQemu() {
        arena = Arena.ofConfined();
        MemorySegment state = arena.allocate(64 + SHAPE.descBytes() + 16 + 4096 * 8, 16);
        dirty = state.address();
        desc = dirty + 32;
        pair = desc + SHAPE.descBytes() + 8;
        jumpCache = pair + 16;
        PROCESS.set(ValueLayout.JAVA_LONG, pair, QEMU_MASK);
        PROCESS.set(ValueLayout.JAVA_LONG, pair + 8, malloc(256 << 6));
        PROCESS.set(ValueLayout.JAVA_LONG, desc + SHAPE.iotlb(), malloc(256 * 16));
        layout = new SpaceTlbLayout(SHAPE, new long[] {pair}, new long[] {desc}, new int[] {DIRTY_BIT}, dirty,
                jumpCache);
        tlbs = new SpaceTlbs(layout, () -> codeGeneration);
    }

    @AfterEach
    void close() {
        tlbs.forgetAll();
        arena.close();
    }

    private long table() {
        return PROCESS.get(ValueLayout.JAVA_LONG, pair + 8);
    }

    /** {@code leaving} ran and leaves; {@code entering} takes the TLB. */
    private void swap(Space leaving, Space entering, boolean changed) {
        tlbs.swap(0, leaving, entering, changed);
    }

    @Test
    void aSpaceReturnsToItsOwnTableWithItsBookkeeping() {
        Space a = new Space();
        Space b = new Space();
        swap(null, a, false);
        long tableOfA = table();
        PROCESS.set(ValueLayout.JAVA_LONG, desc + SHAPE.usedEntries(), 7);
        PROCESS.set(ValueLayout.JAVA_LONG, desc + Long.BYTES, 0xFFC0_0000L);
        swap(a, b, false);
        assertNotEquals(tableOfA, table(), "b has a table of its own");
        assertEquals(0, PROCESS.get(ValueLayout.JAVA_LONG, desc + SHAPE.usedEntries()));
        assertEquals(-1L, PROCESS.get(ValueLayout.JAVA_LONG, desc + Long.BYTES));
        swap(b, a, false);
        assertEquals(tableOfA, table());
        assertEquals(7, PROCESS.get(ValueLayout.JAVA_LONG, desc + SHAPE.usedEntries()));
        assertEquals(0xFFC0_0000L, PROCESS.get(ValueLayout.JAVA_LONG, desc + Long.BYTES), "large_page_mask, x86's second word");
    }

    /** Puts an entry for page 0x1000 into the table QEMU holds, as a fill would. */
    private void fill() {
        PROCESS.set(ValueLayout.JAVA_LONG, table() + (1 << SHAPE.entryShift()), 0x1000L);
    }

    /** True when the table QEMU holds has the entry {@link #fill} made (a freed table's place may be handed out again). */
    private boolean filled() {
        return PROCESS.get(ValueLayout.JAVA_LONG, table() + (1 << SHAPE.entryShift())) == 0x1000L;
    }

    @Test
    void aTableIsDroppedWhenItsSpaceChangedWhileOutOrCodeAppearedSince() {
        Space a = new Space();
        Space b = new Space();
        swap(null, a, false);
        fill();
        swap(a, b, false);
        swap(b, a, false);
        assertTrue(filled(), "kept while nothing changed");
        swap(a, b, false);
        swap(b, a, true);
        assertFalse(filled(), "its mappings changed while it was out");

        fill();
        swap(a, b, false);
        codeGeneration++;
        swap(b, a, false);
        assertFalse(filled(), "a frame became executable since it was kept");
    }

    @Test
    void aSpaceThatMayStoreToCodeIsNeverKept() {
        Space a = new Space();
        Space b = new Space();
        a.writable = true;
        codeGeneration++;
        swap(null, a, false);
        fill();
        swap(a, b, false);
        assertNull(a.keptTlb);
        assertEquals(0, tlbs.keptCount());
        swap(b, a, false);
        assertFalse(filled());
    }

    @Test
    void atMostThirtyTwoTablesAreKeptTheLeastRecentlyLeftGoFirst() {
        List<Space> spaces = new ArrayList<>();
        Space previous = null;
        for (int i = 0; i < SpaceTlbs.KEPT + 5; i++) {
            Space space = new Space();
            spaces.add(space);
            swap(previous, space, false);
            previous = space;
        }
        assertEquals(SpaceTlbs.KEPT, tlbs.keptCount());
        for (int i = 0; i < 4; i++) {
            assertNull(spaces.get(i).keptTlb, "space " + i + " left first");
        }
        assertTrue(spaces.get(4).keptTlb != null);
    }

    /** QEMU resized the table it holds at a flush (and then filled an entry). */
    private void resizedByQemu(int entries) {
        PROCESS.set(ValueLayout.JAVA_LONG, pair, SHAPE.maskOf(entries));
        PROCESS.set(ValueLayout.JAVA_LONG, pair + 8, malloc((long) entries << 6));
        fill();
    }

    @Test
    void aTableOfMoreThan1024EntriesIsNotKept() {
        Space a = new Space();
        Space b = new Space();
        swap(null, a, false);
        resizedByQemu(2048);
        swap(a, b, false);
        assertNull(a.keptTlb);
        swap(b, a, false);
        assertFalse(filled());
        assertEquals(SHAPE.maskOf(256), PROCESS.get(ValueLayout.JAVA_LONG, pair), "a fresh table has QEMU's default size");
    }

    /**
     * QEMU shrinks a little-used table to 64 entries when it flushes it. With arm's 1 KiB pages
     * that puts a program's code (0x10000) and its UTCB (0xBFF00000) in one entry, and since each
     * swap empties the victim TLB, a space of a three-space ring walked its code page's tables
     * twice each time it entered.
     */
    @Test
    void aTableQemuShrankIsNotUsedAgainAndNoFreshTableIsSmallerThanQemusDefault() {
        Space a = new Space();
        Space b = new Space();
        swap(null, a, false);
        resizedByQemu(64);
        swap(a, b, false);
        assertEquals(SHAPE.maskOf(256), PROCESS.get(ValueLayout.JAVA_LONG, pair), "b's table, whatever a's size");
        swap(b, a, false);
        assertFalse(filled(), "a's shrunk table is dropped");
        assertEquals(SHAPE.maskOf(256), PROCESS.get(ValueLayout.JAVA_LONG, pair));
    }

    @Test
    void aSwitchEmptiesTheVictimTlbMarksTheIndexDirtyAndClearsTheLeavingSpacesCodeGroups() {
        Space a = new Space();
        Space b = new Space();
        int codePage = 0x0001_0000;
        a.mapCode(codePage);
        swap(null, a, false);
        PROCESS.asSlice(desc + SHAPE.victimTable(), SHAPE.victimTableBytes()).fill((byte) 0x11);
        PROCESS.set(ValueLayout.JAVA_LONG, desc + SHAPE.victimIndex(), 3);
        PROCESS.set(ValueLayout.JAVA_SHORT, dirty, (short) 0);
        PROCESS.asSlice(jumpCache, 4096 * 8).fill((byte) 0x22);
        swap(a, b, false);
        for (int offset = 0; offset < SHAPE.victimTableBytes(); offset += 8) {
            assertEquals(-1L, PROCESS.get(ValueLayout.JAVA_LONG, desc + SHAPE.victimTable() + offset));
        }
        assertEquals(0, PROCESS.get(ValueLayout.JAVA_LONG, desc + SHAPE.victimIndex()));
        assertEquals(DIRTY_BIT, PROCESS.get(ValueLayout.JAVA_SHORT, dirty));
        assertGroupsCleared(JumpCache.slot(codePage, 12) / 64);
    }

    @Test
    void withTaggedCodeALeavingSpaceKeepsItsGroupsAndOneThatChangedWhileOutLosesItsOwn() {
        long field = arena.allocate(ValueLayout.JAVA_INT).address();
        PROCESS.set(ValueLayout.JAVA_INT, field, -1);
        tlbs = new SpaceTlbs(layout, () -> codeGeneration, field);
        Space a = new Space();
        Space b = new Space();
        a.mapCode(0x0001_0000);
        b.mapCode(0x0003_0000);
        swap(null, a, false);
        tlbs.running(a);
        assertEquals(1, PROCESS.get(ValueLayout.JAVA_INT, field), "a's index");
        PROCESS.asSlice(jumpCache, 4096 * 8).fill((byte) 0x22);
        swap(a, b, false);
        tlbs.running(b);
        assertEquals(2, PROCESS.get(ValueLayout.JAVA_INT, field), "b's index");
        assertGroupsCleared(-1);
        swap(b, a, true);
        tlbs.running(a);
        assertEquals(1, PROCESS.get(ValueLayout.JAVA_INT, field), "a keeps its index");
        assertGroupsCleared(JumpCache.slot(0x0001_0000, 12) / 64);
        tlbs.stopTagging();
        assertEquals(-1, PROCESS.get(ValueLayout.JAVA_INT, field), "QEMU's own index back");
    }

    /** Every jump-cache group holds what the test wrote, but {@code cleared} (-1: none), which is empty. */
    private void assertGroupsCleared(int cleared) {
        for (int group = 0; group < 64; group++) {
            long word = PROCESS.get(ValueLayout.JAVA_LONG, jumpCache + (long) group * GROUP_BYTES);
            assertEquals(group == cleared ? 0 : 0x2222_2222_2222_2222L, word, "jump-cache group " + group);
        }
    }

    @Test
    void switchingBetweenKeptSpacesAllocatesNothing() {
        Space a = new Space();
        Space b = new Space();
        a.mapCode(0x1000);
        b.mapCode(0x2000);
        swap(null, a, false);
        swap(a, b, false);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                swap(b, a, false);
                swap(a, b, false);
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(least < 1000, least + " bytes allocated by 20,000 switches");
    }

    private static long malloc(long bytes) {
        try {
            return (long) MALLOC.invokeExact(bytes, 0L, 0L, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
