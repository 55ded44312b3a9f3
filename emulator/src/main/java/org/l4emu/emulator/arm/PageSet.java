package org.l4emu.emulator.arm;

/**
 * Up to {@link #LIMIT} distinct virtual pages; past that, only that there were many. An address
 * space keeps two: the pages whose mapping changed since the CPU caught up (beyond the limit one
 * full TLB flush is cheaper than page by page), and the pages it ever mapped executable (where
 * its translated code may sit in QEMU's jump cache, {@link SpaceTlbs}).
 */
final class PageSet {
    static final int LIMIT = 16;

    private final int[] pages = new int[LIMIT];
    private int count;
    private boolean many;

    void add(int virtualPage) {
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
    boolean many() {
        return many;
    }

    boolean isEmpty() {
        return count == 0 && !many;
    }

    int count() {
        return count;
    }

    int page(int index) {
        return pages[index];
    }

    void clear() {
        count = 0;
        many = false;
    }
}
