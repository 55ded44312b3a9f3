package org.l4emu.emulator.arm;

/**
 * The virtual pages an address space ever mapped executable, up to {@link #LIMIT} of them; past
 * that, only that there were many. Pages are never taken out: a superset is what the users need
 * ({@link SpaceTlbs}: where translated code of the space may sit in QEMU's jump cache).
 */
final class ExecutablePages {
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

    /** True when more than {@link #LIMIT} pages were mapped executable. */
    boolean many() {
        return many;
    }

    int count() {
        return count;
    }

    int page(int index) {
        return pages[index];
    }
}
