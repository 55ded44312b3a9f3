package org.l4emu.tools.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where a message's map and grant items must land (abi.md section 2.5, S5), worked out by the
 * checker from its own model of every task's pages, never asked of the kernel: the window-sized
 * piece of each item placed by its send base, each page the sender holds in it (its
 * kernel-owned pages passed over) at the same offset, with the rights the item leaves; an item
 * aimed at a kernel-owned page of the receiver or outside user memory, or any item through a
 * nil window, ends the transfer with error 4 for both before any page of it is mapped. Items
 * are worked out one at a time, each once the mappings of the one before are made, as the
 * kernel applies them (a grant takes pages a later item then no longer finds).
 */
final class ItemPlacement {
    private static final int GRANT = 5;
    private static final int SEND_BASE_MASK = ~0x3FF;
    private static final int RIGHTS_MASK = 7;

    /** One page the items must map or grant: the sender's page at {@code source} to {@code page} of the receiver. */
    record Expected(long page, long source, boolean grant) {}

    private final Model model;
    private final TaskModel from;
    private final TaskModel to;
    private final Abi.Fpage window;
    private final int[] items;
    private int nextItem;
    private final Deque<Expected> current = new ArrayDeque<>();
    private String noRoom;

    ItemPlacement(Model model, TaskModel from, TaskModel to, Abi.Fpage window, int[] items) {
        this.model = model;
        this.from = from;
        this.to = to;
        this.window = window;
        this.items = items;
    }

    /** The next mapping the items call for, or null when they call for no more. */
    Expected poll() {
        while (current.isEmpty() && noRoom == null && nextItem + 1 < items.length) {
            place(items[nextItem], items[nextItem + 1]);
            nextItem += 2;
        }
        return current.pollFirst();
    }

    /** Why the transfer must fail with error 4 (null: it must not); known once {@link #poll} returned null. */
    String noRoom() {
        return noRoom;
    }

    private void place(int head, int fpage) {
        Abi.Fpage item = Abi.Fpage.of(fpage);
        if (item.isNil()) {
            return;
        }
        if (window.isNil()) {
            noRoom = "the receive window is nil";
            return;
        }
        long sendBase = Abi.unsigned(head & SEND_BASE_MASK);
        long source;
        long length;
        long target;
        if (item.size() <= window.size()) {
            source = item.base();
            length = item.size();
            target = window.base() + ((sendBase % window.size()) & ~(item.size() - 1));
        } else {
            source = item.base() + ((sendBase % item.size()) & ~(window.size() - 1));
            length = window.size();
            target = window.base();
        }
        List<Long> pages = heldPages(source, length);
        for (long page : pages) {
            long destination = target + (page - source);
            if (!Abi.isUserPage(destination) || model.isKernelPage(to, destination)) {
                noRoom = "an item would land at " + Abi.hex((int) destination) + " in " + to
                        + (Abi.isUserPage(destination) ? ", a kernel-owned page" : ", outside user memory");
                return;
            }
        }
        boolean grant = ((head >>> 1) & 7) == GRANT;
        int rights = fpage & RIGHTS_MASK;
        for (long page : pages) {
            if ((from.pages.get(page) & rights) != 0) { // no right left: nothing to map (abi.md 2.5)
                current.add(new Expected(target + (page - source), page, grant));
            }
        }
    }

    /** The sender's pages in [start, start + length), ascending, but its kernel-owned ones: they are not its to give. */
    private List<Long> heldPages(long start, long length) {
        List<Long> pages = new ArrayList<>();
        if (length / Abi.PAGE_SIZE <= from.pages.size()) {
            for (long page = start; page < start + length; page += Abi.PAGE_SIZE) {
                if (from.pages.containsKey(page)) {
                    pages.add(page);
                }
            }
        } else {
            for (long page : from.pages.keySet()) {
                if (page >= start && page < start + length) {
                    pages.add(page);
                }
            }
            pages.sort(null);
        }
        pages.removeIf(page -> model.isKernelPage(from, page));
        return pages;
    }
}
