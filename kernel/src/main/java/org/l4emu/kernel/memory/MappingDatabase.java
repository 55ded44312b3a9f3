package org.l4emu.kernel.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * L4's mapping database (S5): every user page mapping, as a tree per frame rooted at sigma0.
 * Mapping derives a child, granting moves a node, unmapping revokes rights from everything
 * derived, recursively. It keeps the machine's page tables in step and counts each task's
 * mappings against its quota (P3).
 */
public final class MappingDatabase {
    private final Map<Task, Map<Integer, MappingNode>> byTask = new HashMap<>();
    private java.util.function.LongConsumer rootReleased = frame -> { };
    private final KernelEvents events;
    /** The task being deleted while {@link #removeAll} runs: its kernel-owned pages go too. */
    private Task leaving;

    public MappingDatabase() {
        this(KernelEvents.NONE);
    }

    /** {@code events} hears of every mapping made and every right revoked. */
    public MappingDatabase(KernelEvents events) {
        this.events = events;
    }

    /** Tells {@code listener} the frame of each root mapping that disappears (so sigma0 can take it back). */
    public void onRootReleased(java.util.function.LongConsumer listener) {
        this.rootReleased = listener;
    }

    /** The result of a map or grant of one page. */
    public enum Outcome { DONE, NOTHING_MAPPED_THERE, QUOTA_EXCEEDED, OUT_OF_MEMORY }

    /**
     * A boot-time or sigma0 mapping: a root of the tree, owned by sigma0. Throws, changing
     * nothing, when physical memory has no room for the page table it needs.
     */
    public void mapFromSigma0(Task task, int page, long frame, Access rights) throws OutOfPhysicalMemoryException {
        PageTables.map(task.space(), page, frame, rights);
        record(task, page, new MappingNode(task, page, frame, rights, null));
        events.mappingAdded(null, 0, task, page, rights.bits(), false);
    }

    /** Maps the page at {@code fromPage} of {@code from} to {@code toPage} of {@code to}, rights masked. */
    public Outcome map(Task from, int fromPage, Task to, int toPage, Access rights) {
        MappingNode source = node(from, fromPage);
        if (source == null) {
            return Outcome.NOTHING_MAPPED_THERE;
        }
        Access granted = source.rights().intersect(rights);
        if (granted.bits() == 0) {
            return Outcome.NOTHING_MAPPED_THERE;
        }
        if (source.task() == to && source.page() == toPage) {
            return Outcome.DONE;
        }
        if (derivesFrom(source, node(to, toPage))) {
            // Replacing it would revoke the source itself, leaving the new mapping outside the tree.
            return Outcome.NOTHING_MAPPED_THERE;
        }
        if (!makeRoom(to, toPage)) {
            return Outcome.QUOTA_EXCEEDED;
        }
        if (!reserveTranslation(to, toPage, source.frame(), granted)) {
            return Outcome.OUT_OF_MEMORY;
        }
        record(to, toPage, source.addChild(to, toPage, granted));
        events.mappingAdded(from, fromPage, to, toPage, granted.bits(), false);
        return Outcome.DONE;
    }

    /** Grants the page: it leaves {@code from} and appears in {@code to}, with what was derived from it. */
    public Outcome grant(Task from, int fromPage, Task to, int toPage, Access rights) {
        MappingNode node = node(from, fromPage);
        if (node == null || node.rights().intersect(rights).bits() == 0) {
            return Outcome.NOTHING_MAPPED_THERE;
        }
        if (from == to && fromPage == toPage) {
            return Outcome.DONE;
        }
        if (derivesFrom(node, node(to, toPage))) {
            return Outcome.NOTHING_MAPPED_THERE;
        }
        if (!makeRoom(to, toPage)) {
            return Outcome.QUOTA_EXCEEDED;
        }
        Access kept = node.rights().intersect(rights);
        if (!reserveTranslation(to, toPage, node.frame(), kept)) {
            return Outcome.OUT_OF_MEMORY;
        }
        remove(from, fromPage);
        node.moveTo(to, toPage);
        Access dropped = Access.of(node.rights().bits() & ~kept.bits());
        node.setRights(kept);
        record(to, toPage, node);
        events.mappingAdded(from, fromPage, to, toPage, kept.bits(), true);
        if (dropped.bits() != 0) {
            // What was derived from the page has no rights the page itself lacks.
            for (MappingNode child : List.copyOf(node.children())) {
                revoke(child, dropped);
            }
        }
        return Outcome.DONE;
    }

    /** True when {@code node} is {@code ancestor} or was derived from it, directly or not. */
    private static boolean derivesFrom(MappingNode node, MappingNode ancestor) {
        for (MappingNode at = node; at != null && ancestor != null; at = at.parent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Revokes {@code revoked} rights from every mapping derived from {@code task}'s page, and
     * from the page itself when {@code includingOwn}. A mapping left without rights disappears.
     */
    public void unmap(Task task, int page, Access revoked, boolean includingOwn) {
        MappingNode node = node(task, page);
        if (node == null) {
            return;
        }
        for (MappingNode child : List.copyOf(node.children())) {
            revoke(child, revoked);
        }
        if (includingOwn) {
            revoke(node, revoked);
        }
    }

    /** Removes every mapping of {@code task} and what was derived from it (task deletion). */
    public void removeAll(Task task) {
        Map<Integer, MappingNode> pages = byTask.get(task);
        if (pages == null) {
            return;
        }
        leaving = task;
        try {
            for (MappingNode node : new ArrayList<>(pages.values())) {
                revoke(node, Access.ALL);
            }
        } finally {
            leaving = null;
        }
        byTask.remove(task);
    }

    public int count(Task task) {
        Map<Integer, MappingNode> pages = byTask.get(task);
        return pages == null ? 0 : pages.size();
    }

    /** The pages of {@code task} mapped in [start, start + length), in ascending order. */
    public List<Integer> mappedPages(Task task, long start, long length) {
        Map<Integer, MappingNode> pages = byTask.get(task);
        List<Integer> found = new ArrayList<>();
        if (pages == null) {
            return found;
        }
        long end = start + length;
        if (length / UserLayout.PAGE_SIZE <= pages.size()) {
            for (long page = start; page < end; page += UserLayout.PAGE_SIZE) {
                if (pages.containsKey((int) page)) {
                    found.add((int) page);
                }
            }
            return found;
        }
        for (int page : pages.keySet()) {
            long unsigned = Integer.toUnsignedLong(page);
            if (unsigned >= start && unsigned < end) {
                found.add(page);
            }
        }
        found.sort(Integer::compareUnsigned);
        return found;
    }

    public boolean isMapped(Task task, int page) {
        return node(task, page) != null;
    }

    /**
     * Revokes {@code revoked} from {@code node} and everything derived from it, except from a
     * kernel-owned page of its own task (a UTCB page, the boot info page: S5), which no unmap,
     * grant or revocation by whoever it derives from takes away; only its task's deletion does.
     * A mapping that goes leaves such pages derived from its own parent, so that the frame is
     * given back only once the last of them goes.
     */
    private void revoke(MappingNode node, Access revoked) {
        for (MappingNode child : List.copyOf(node.children())) {
            revoke(child, revoked);
        }
        if (node.task() != leaving && node.task().isKernelPage(node.page())) {
            return;
        }
        Access left = Access.of(node.rights().bits() & ~revoked.bits());
        if (left.bits() == 0) {
            MappingNode parent = node.parent();
            List<MappingNode> kept = List.copyOf(node.children());
            node.detachFromParent();
            for (MappingNode child : kept) {
                child.detachFromParent();
            }
            MappingNode heir = parent != null || kept.isEmpty() ? parent : kept.getFirst();
            for (MappingNode child : kept) {
                if (child != heir) {
                    heir.adopt(child);
                }
            }
            remove(node.task(), node.page());
            events.mappingRevoked(node.task(), node.page(), 0);
            if (heir == null) {
                rootReleased.accept(node.frame());
            }
        } else {
            node.setRights(left);
            node.task().space().map(node.page(), node.frame(), left);
            events.mappingRevoked(node.task(), node.page(), left.bits());
        }
    }

    /** Frees the target page for a new mapping; false when the task's mapping quota is used up. */
    private boolean makeRoom(Task task, int page) {
        MappingNode existing = node(task, page);
        if (existing != null) {
            revoke(existing, Access.ALL);
            return true;
        }
        return !quotaUsedUp(task);
    }

    /** True when {@code task} holds as many mappings as its max-mappings allows: one more would exceed it (P3). */
    public boolean quotaUsedUp(Task task) {
        return count(task) >= task.quotas().mappings();
    }

    /**
     * Enters the page in the machine's tables first, the one step that can run out of memory,
     * so that a failure leaves the database as it was.
     */
    private static boolean reserveTranslation(Task task, int page, long frame, Access rights) {
        try {
            PageTables.map(task.space(), page, frame, rights);
            return true;
        } catch (OutOfPhysicalMemoryException e) {
            return false;
        }
    }

    /** Records a node whose translation is in the machine's tables already. */
    private void record(Task task, int page, MappingNode node) {
        byTask.computeIfAbsent(task, t -> new HashMap<>()).put(page, node);
    }

    private void remove(Task task, int page) {
        Map<Integer, MappingNode> pages = byTask.get(task);
        if (pages != null && pages.remove(page) != null) {
            task.space().unmap(page);
        }
    }

    private MappingNode node(Task task, int page) {
        Map<Integer, MappingNode> pages = byTask.get(task);
        return pages == null ? null : pages.get(page);
    }
}
