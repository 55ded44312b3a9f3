package org.l4emu.emulator.spacetlb;

import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.function.IntSupplier;
import org.l4emu.emulator.NativeShape;
import org.l4emu.emulator.host.CLibrary;

/**
 * Gives every address space a user-mode TLB of its own in QEMU, so that a space entering a
 * regime's TLB (an arm security state's, x86's one user-mode index) finds its translations
 * where it left them instead of after a flush. QEMU's TLB has no tags, and its cost is the refilling after a flush
 * (page walks, the code lookups behind the cleared jump cache), which for a client calling a
 * server through a monitor was most of the round trip.
 *
 * <p>A space that leaves keeps QEMU's table, its {@code iotlb} and its bookkeeping (large-page
 * range, entries in use); the one that enters gets its own back, or a fresh empty one. Up to
 * {@link #KEPT} tables are kept, the least recently left ones go first, none larger than
 * {@link #MAX_KEPT_ENTRIES} entries, and none smaller than {@link #FRESH_ENTRIES} is used again.
 * The victim TLB is emptied, the index's bit is set in QEMU's dirty bitmap (so that a later flush
 * empties the table that entered), and the jump cache loses the slots of the pages the leaving
 * space may have run code from: the cache is found by PC alone, and the TLB flush that used to
 * clear it whole no longer happens. Where each space's code is tagged ({@link BlockTags}), the
 * leaving space keeps its slots, and a space loses its own as it enters when its mappings
 * changed while it was out. A kept table is dropped rather than reused when the space's
 * mappings changed since it left, when frames became executable since (it may let stores to such a
 * frame skip QEMU's code check), and never kept for a space that may store to a frame that may
 * hold code (QEMU re-protects such frames in the tables it holds, not in one kept aside). Tables
 * are allocated with the C library's {@code malloc}, as QEMU allocates them, since QEMU frees the
 * one it holds when it resizes it.
 */
public final class SpaceTlbs {
    /** Tables kept aside at most. */
    public static final int KEPT = 32;
    /**
     * Entries of a table that enters (QEMU's own default size), and the fewest a kept table may
     * have to be used again. QEMU shrinks a little-used table to 64 entries when it flushes it,
     * and with arm's 1 KiB pages 64 entries cover 64 KiB: a program's code at 0x10000 and its
     * UTCB at 0xBFF00000 then share an entry and take turns in it, the loser waiting in the
     * victim TLB, which every swap empties. A three-space ring paid four page walks a round for
     * that code page (Unicorn 2.0.1); with 256 entries it paid none (BENCHMARKS.md, session 16).
     */
    private static final int FRESH_ENTRIES = 256;
    /**
     * Entries of a kept table at most: QEMU grows a table only when it flushes it, which swapping
     * makes rare, so this bounds the host memory kept aside to a few MiB (entries of 48 or 80
     * bytes with the iotlb's).
     */
    private static final int MAX_KEPT_ENTRIES = 1024;
    /** An empty entry, as a flush leaves it. */
    private static final long EMPTY = -1L;
    private static final MethodHandle MALLOC = CLibrary.function("malloc"); // void *(size_t)
    private static final MethodHandle FREE = CLibrary.function("free"); // void (void *)

    private final SpaceTlbLayout layout;
    private final TlbShape shape;
    private final JumpCache jumpCache;
    /** Counts the frames that became executable: a table kept before it last moved is not used again. */
    private final IntSupplier codeGeneration;
    private final KeptTlb[] slots = new KeptTlb[KEPT];
    /** What QEMU holds for the state that is switching, and what enters it: refilled at each switch. */
    private final KeptTlb held = new KeptTlb();
    private final KeptTlb next = new KeptTlb();
    private long switches;
    /** The dirty bits of the MMU indexes no regime swaps. */
    private final int otherModes;
    /** Null where a leaving space's jump-cache slots are cleared. */
    private BlockTags tags;

    public SpaceTlbs(SpaceTlbLayout layout, IntSupplier codeGeneration) {
        this(layout, codeGeneration, 0);
    }

    /**
     * @param blockTagField where QEMU keeps the CPU's cluster index ({@link BlockTagSearch}): each
     *                      space's code is tagged ({@link BlockTags}); 0: it is not
     */
    public SpaceTlbs(SpaceTlbLayout layout, IntSupplier codeGeneration, long blockTagField) {
        this.layout = layout;
        int regimes = 0;
        for (int bit : layout.dirtyBits()) {
            regimes |= bit;
        }
        this.otherModes = ~regimes;
        this.shape = layout.shape();
        this.jumpCache = new JumpCache(layout.jumpCache(), shape.pageBits());
        this.codeGeneration = codeGeneration;
        for (int i = 0; i < KEPT; i++) {
            slots[i] = new KeptTlb();
        }
        this.tags = blockTagField == 0 ? null : new BlockTags(blockTagField);
    }

    /**
     * {@code entering} takes {@code regime}'s TLB from {@code leaving} (null when the regime held
     * no space, and its table is empty). {@code enteringChanged}: its mappings changed since it last left.
     */
    public void swap(int regime, TlbSpace leaving, TlbSpace entering, boolean enteringChanged) {
        switches++;
        if (tags != null && enteringChanged) {
            // Its slots survived its absence: they may hold code of frames no longer mapped where they ran.
            jumpCache.clear(codeGroups(entering));
        }
        read(regime, held);
        boolean own = takeKept(entering, next);
        if (own && (enteringChanged || next.regime != regime || next.codeGeneration != codeGeneration.getAsInt()
                || next.mask < shape.maskOf(FRESH_ENTRIES))) {
            free(next);
            own = false;
        }
        if (leaving == null) {
            // The state's table is empty: nothing ran in it since everything was flushed.
            if (own) {
                free(held);
                install(regime, next);
            }
            return;
        }
        if (!own) {
            // Before anything changes hands: a failed allocation leaves QEMU's table where it is.
            fresh(regime, shape.maskOf(FRESH_ENTRIES), next);
        }
        if (tags == null) {
            jumpCache.clear(codeGroups(leaving));
        }
        if (leaving.isDestroyed() || leaving.writesCode() || held.mask > shape.maskOf(MAX_KEPT_ENTRIES)) {
            free(held);
        } else {
            keep(leaving, held);
        }
        install(regime, next);
    }

    /** From now on translated code carries QEMU's own cluster index again, and a leaving space loses its slots. */
    public void stopTagging() {
        if (tags != null) {
            tags.release();
            tags = null;
        }
    }

    /** {@code space} runs from now on (it entered, or its regime became the CPU's). */
    public void running(TlbSpace space) {
        if (tags != null) {
            tags.running(space, jumpCache);
        }
    }

    /**
     * True when QEMU filled the TLB of an MMU index that no regime swaps since that TLB was last
     * flushed (its dirty bitmap says so). Such a TLB is shared by every space, and it may hold
     * user addresses: x86's iret, lret and far calls read and write the user's stack through the
     * kernel's index, even in ring 3. The caller must flush it before another space runs.
     */
    public boolean othersFilled() {
        return (PROCESS.get(ValueLayout.JAVA_SHORT, layout.dirty()) & otherModes) != 0;
    }

    /** Drops every table kept aside (everything cached must go). */
    public void forgetAll() {
        for (KeptTlb slot : slots) {
            if (slot.owner != null) {
                release(slot);
            }
        }
    }

    /** Tables kept aside now. */
    public int keptCount() {
        int count = 0;
        for (KeptTlb slot : slots) {
            count += slot.owner != null ? 1 : 0;
        }
        return count;
    }

    /** Moves the table kept for {@code space} into {@code into} and frees its slot; false when none was kept. */
    private boolean takeKept(TlbSpace space, KeptTlb into) {
        KeptTlb slot = space.keptTlb;
        if (slot == null) {
            return false;
        }
        into.copyFrom(slot);
        slot.owner = null;
        space.keptTlb = null;
        return true;
    }

    private void keep(TlbSpace space, KeptTlb table) {
        KeptTlb slot = null;
        for (KeptTlb candidate : slots) {
            if (candidate.owner == null) {
                slot = candidate;
                break;
            }
            if (slot == null || candidate.keptAt < slot.keptAt) {
                slot = candidate;
            }
        }
        if (slot.owner != null) {
            release(slot);
        }
        slot.copyFrom(table);
        slot.owner = space;
        slot.keptAt = switches;
        space.keptTlb = slot;
    }

    private static void release(KeptTlb slot) {
        free(slot);
        slot.owner.keptTlb = null;
        slot.owner = null;
    }

    private void read(int regime, KeptTlb into) {
        long desc = layout.desc(regime);
        long pair = layout.pair(regime);
        into.regime = regime;
        into.codeGeneration = codeGeneration.getAsInt();
        into.mask = PROCESS.get(ValueLayout.JAVA_LONG, pair);
        into.entries = PROCESS.get(ValueLayout.JAVA_LONG, pair + Long.BYTES);
        into.iotlb = PROCESS.get(ValueLayout.JAVA_LONG, desc + shape.iotlb());
        into.largePage0 = PROCESS.get(ValueLayout.JAVA_LONG, desc);
        into.largePage1 = shape.largePageWords() > 1 ? PROCESS.get(ValueLayout.JAVA_LONG, desc + Long.BYTES) : -1L;
        into.usedEntries = PROCESS.get(ValueLayout.JAVA_LONG, desc + shape.usedEntries());
    }

    private void install(int regime, KeptTlb table) {
        long desc = layout.desc(regime);
        long pair = layout.pair(regime);
        PROCESS.set(ValueLayout.JAVA_LONG, pair, table.mask);
        PROCESS.set(ValueLayout.JAVA_LONG, pair + Long.BYTES, table.entries);
        PROCESS.set(ValueLayout.JAVA_LONG, desc + shape.iotlb(), table.iotlb);
        PROCESS.set(ValueLayout.JAVA_LONG, desc, table.largePage0);
        if (shape.largePageWords() > 1) {
            PROCESS.set(ValueLayout.JAVA_LONG, desc + Long.BYTES, table.largePage1);
        }
        PROCESS.set(ValueLayout.JAVA_LONG, desc + shape.usedEntries(), table.usedEntries);
        PROCESS.set(ValueLayout.JAVA_LONG, desc + shape.victimIndex(), 0);
        Words.fill(desc + shape.victimTable(), shape.victimTableBytes(), EMPTY);
        short dirty = PROCESS.get(ValueLayout.JAVA_SHORT, layout.dirty());
        PROCESS.set(ValueLayout.JAVA_SHORT, layout.dirty(), (short) (dirty | layout.dirtyBit(regime)));
    }

    /** An empty table of {@code mask}'s size into {@code into}. */
    private void fresh(int regime, long mask, KeptTlb into) {
        long count = (mask >>> shape.entryShift()) + 1;
        long entries = malloc(count << shape.entryShift());
        long iotlb;
        try {
            iotlb = malloc(count * TlbShape.IOTLB_ENTRY_BYTES);
        } catch (OutOfMemoryError e) {
            free(entries);
            throw e;
        }
        Words.fill(entries, count << shape.entryShift(), EMPTY);
        into.regime = regime;
        into.codeGeneration = codeGeneration.getAsInt();
        into.mask = mask;
        into.entries = entries;
        into.iotlb = iotlb;
        into.largePage0 = -1L;
        into.largePage1 = -1L;
        into.usedEntries = 0;
    }

    /** The jump-cache groups of the pages {@code space} may have run code from (all, past the record's limit). */
    private long codeGroups(TlbSpace space) {
        PageSet pages = space.executablePages();
        if (pages.many()) {
            return -1L;
        }
        long groups = 0;
        for (int i = 0; i < pages.count(); i++) {
            groups |= jumpCache.groupsOf(pages.page(i));
        }
        return groups;
    }

    private static long malloc(long bytes) {
        try {
            long address = (long) MALLOC.invokeExact(bytes, 0L, 0L, 0L, 0L, 0L);
            if (address == 0) {
                throw new OutOfMemoryError("no host memory for a TLB of " + bytes + " bytes");
            }
            return address;
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }

    private static void free(KeptTlb table) {
        free(table.entries);
        free(table.iotlb);
    }

    private static void free(long address) {
        try {
            long ignored = (long) FREE.invokeExact(address, 0L, 0L, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }
}
