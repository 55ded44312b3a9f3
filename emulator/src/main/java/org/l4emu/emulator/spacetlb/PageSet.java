package org.l4emu.emulator.spacetlb;

/**
 * Up to {@link #LIMIT} distinct virtual pages; past that, only that there were many. An address
 * space keeps the pages it ever mapped executable (where its translated code may sit in QEMU's
 * jump cache, {@link SpaceTlbs}); an arm space also the pages whose mapping changed since the
 * CPU caught up (beyond the limit one full TLB flush is cheaper than page by page).
 */
public final class PageSet {
    static final int LIMIT = 16;

    private final int[] pages = new int[LIMIT];
    private int count;
    private boolean many;

    public void add(int virtualPage) {
        if (many) {
            return;
        }
        for (int i = 0; i < count; i++) {
            if (pages[i] == virtualPage) {
                return;
            }
        }
        if (count == LIMIT) {
            many = true;
        } else {
            pages[count++] = virtualPage;
        }
    }

    /** True when more than {@link #LIMIT} pages were added. */
    public boolean many() {
        return many;
    }

    public boolean isEmpty() {
        return count == 0 && !many;
    }

    public int count() {
        return count;
    }

    public int page(int index) {
        return pages[index];
    }

    public void clear() {
        count = 0;
        many = false;
    }
}
