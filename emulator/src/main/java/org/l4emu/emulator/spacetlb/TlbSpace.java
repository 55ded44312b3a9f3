package org.l4emu.emulator.spacetlb;

/**
 * An address space as {@link SpaceTlbs} sees it: the table kept aside for it, the virtual pages
 * it ever mapped executable (where its translated code may sit in QEMU's jump cache), and
 * whether its user code may store to a frame that may hold code: a writable mapping reaches a
 * frame that is or was mapped executable anywhere. QEMU re-protects such a frame
 * ({@code TLB_NOTDIRTY}) only in the tables it holds, never in one kept aside, so such a space's
 * table is never kept. That is known at once for a mapping that makes it so; a frame that
 * becomes code later is found by walking the space's mappings again, only when frames became
 * executable since the last answer (the code generation moved).
 */
public abstract class TlbSpace {
    /** The table kept aside for this space, or null. */
    KeptTlb keptTlb;
    /** The cluster index its translated code carries ({@link BlockTags}), given in {@link #tagRound}. */
    int tag;
    int tagRound;
    private final PageSet executablePages = new PageSet();
    private boolean writesCode;
    private int codeCheckedAt;

    /** {@code codeGeneration}: the machine's when the space is made (it has no mappings yet). */
    protected TlbSpace(int codeGeneration) {
        this.codeCheckedAt = codeGeneration;
    }

    /** The machine's count of frames that became executable. */
    protected abstract int codeGeneration();

    /** True when a writable mapping of this space reaches a frame that may hold code. */
    protected abstract boolean anyWritableFrameMayHoldCode();

    public abstract boolean isDestroyed();

    /**
     * A page is being mapped: {@code executable} when with the right to execute, {@code reachesCode}
     * when writable and its frame may hold code or is mapped executable.
     */
    protected final void mapping(int virtualPage, boolean executable, boolean reachesCode) {
        if (executable) {
            executablePages.add(virtualPage);
        }
        writesCode |= reachesCode;
    }

    /** The virtual pages this space ever mapped executable. */
    public final PageSet executablePages() {
        return executablePages;
    }

    /** True when user code may store to a frame that may hold code. */
    public final boolean writesCode() {
        int generation = codeGeneration();
        if (!writesCode && codeCheckedAt != generation) {
            writesCode = anyWritableFrameMayHoldCode();
        }
        codeCheckedAt = generation;
        return writesCode;
    }
}
