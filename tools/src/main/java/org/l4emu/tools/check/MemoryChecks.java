package org.l4emu.tools.check;

import java.util.Locale;
import java.util.Map;
import org.l4emu.tools.trace.EventDetail;

/**
 * Address-space isolation from the mapping events: a map or grant item lands only inside the
 * receiver's valid receive window and never on a kernel-owned page (S5); it maps only a page its
 * sender holds, with no more rights (ISO); UTCB pages stay with their task (ISO); the kernel maps
 * its own pages into a running system only when a fault or thread creation asks (ISO); a task
 * whose last thread is deleted keeps nothing (P3).
 */
final class MemoryChecks {
    /**
     * The typed items of one message being applied: the transfer the following map events belong
     * to, and what the checker worked out they must do (null while the window is invalid).
     */
    private record Transfer(ThreadModel sender, ThreadModel receiver, boolean wholeSpace, int window,
                            ItemPlacement placement) {
        Abi.Fpage fpage() {
            return wholeSpace ? WHOLE_SPACE : Abi.Fpage.of(window);
        }
    }

    private static final Abi.Fpage WHOLE_SPACE = new Abi.Fpage(0, 32);

    private final Model model;
    private final Violations violations;
    private final Step step;
    private Transfer transfer;

    MemoryChecks(Model model, Step step) {
        this.model = model;
        this.violations = model.violations;
        this.step = step;
    }

    void items(ThreadModel receiver, EventDetail.Items items) {
        ThreadModel sender = model.thread(items.sender());
        Abi.Fpage window = items.wholeSpace() ? WHOLE_SPACE : Abi.Fpage.of(items.window());
        transfer = new Transfer(sender, receiver, items.wholeSpace(), items.window(), window.isValid()
                ? new ItemPlacement(model, sender.task, receiver.task, window, items.items()) : null);
    }

    /**
     * The transfer ended with a delivery to {@code receiver}: through an invalid window it must
     * not have, nor when an item had no room; and every mapping its items call for was made (S5).
     */
    void delivered(ThreadModel receiver) {
        if (transfer != null && transfer.receiver == receiver) {
            ItemPlacement placement = transfer.placement;
            if (placement == null) {
                violations.report(CheckedRule.S5, invalidWindow(transfer) + ", yet the message was delivered");
            } else if (!missing(placement) && placement.noRoom() != null) {
                violations.report(CheckedRule.S5, "the items of " + transfer.sender + " to " + receiver + " must fail"
                        + " with error 4 for both (" + placement.noRoom() + "), yet the message was delivered");
            }
            transfer = null;
        }
    }

    /**
     * An IPC of {@code thread} failed: a transfer it was part of ended; through an invalid window
     * only with 9; with 4 when an item had no room (or, on the kernel's word, a quota ran out),
     * with 6 when memory did; else every mapping its items call for was made first.
     */
    void failed(ThreadModel thread, int errorCode) {
        if (transfer != null && (transfer.receiver == thread || transfer.sender == thread)) {
            ItemPlacement placement = transfer.placement;
            if (placement == null) {
                if (errorCode != Abi.ERROR_INVALID) {
                    violations.report(CheckedRule.S5, invalidWindow(transfer) + ": the IPC must fail with error 9, not "
                            + errorCode);
                }
            } else if (errorCode != Abi.ERROR_OVERFLOW && errorCode != Abi.ERROR_NOT_PERMITTED
                    && !missing(placement) && placement.noRoom() != null) {
                violations.report(CheckedRule.S5, "the items of " + transfer.sender + " to " + transfer.receiver
                        + " must fail with error 4 (" + placement.noRoom() + "), not " + errorCode);
            }
            transfer = null;
        }
    }

    /** Reports the first mapping the items call for that the kernel did not make (those it may skip unseen aside). */
    private boolean missing(ItemPlacement placement) {
        ItemPlacement.Expected expected;
        while ((expected = placement.poll()) != null) {
            if (!skippable(expected)) {
                violations.report(CheckedRule.S5, "the items of " + transfer.sender + " to " + transfer.receiver
                        + " must " + (expected.grant() ? "grant" : "map") + " " + transfer.sender.task + "'s page "
                        + Abi.hex((int) expected.source()) + " to " + Abi.hex((int) expected.page()) + ", which did not"
                        + " happen");
                return true;
            }
        }
        return false;
    }

    /**
     * A mapping the kernel makes without an event: onto the very page it comes from, or (the
     * checker does not follow which mapping derives from which) onto a page the receiver holds,
     * which may be the one the sent page derives from.
     */
    private boolean skippable(ItemPlacement.Expected expected) {
        Transfer t = transfer;
        return t.sender.task == t.receiver.task && expected.page() == expected.source()
                || t.receiver.task.pages.containsKey(expected.page());
    }

    /** The trace ended: a transfer through an invalid window that never ended means the run died in it. */
    void ended() {
        if (transfer != null && !transfer.wholeSpace && !transfer.fpage().isValid()) {
            violations.report(CheckedRule.S5, invalidWindow(transfer) + ", and the run ended in the middle of the"
                    + " transfer (a host error)");
        }
    }

    private String invalidWindow(Transfer t) {
        return t.receiver + "'s receive window BR0 = " + Abi.hex(t.window) + " is not a valid fpage (error 9 for both,"
                + " never a host error), but items of " + t.sender + " were applied through it";
    }

    void kernelMap(EventDetail.KernelMapping mapping) {
        TaskModel task = model.task(mapping.task());
        long page = Abi.unsigned(mapping.address());
        task.pages.put(page, mapping.rightsBits());
        if (page >= Abi.BOOT_INFO) {
            task.bootInfoPages.add(page);
        }
        if (model.booted) {
            step.kernelMappings.add(new Step.KernelMapping(task, page));
        }
    }

    void map(EventDetail.Mapping mapping) {
        TaskModel to = model.task(mapping.task());
        TaskModel from = model.task(mapping.sourceTask());
        long page = Abi.unsigned(mapping.address());
        long sourcePage = Abi.unsigned(mapping.sourceAddress());
        String what = (mapping.grant() ? "a grant of " : "a map of ") + from + "'s page " + Abi.hex(mapping.sourceAddress())
                + " to " + Abi.hex(mapping.address()) + " in " + to;
        checkTransfer(what, from, to, page, sourcePage, mapping.grant());
        if (!Abi.isUserPage(page)) {
            violations.report(CheckedRule.S5, what + ": outside the user range, which never receives a mapping");
        } else if (to.bootInfoPages.contains(page)) {
            violations.report(CheckedRule.S5, what + " replaces the boot info page, which is the kernel's");
        } else if (model.isUtcbPage(to, page)) {
            violations.report(CheckedRule.S5, what + " lands on a UTCB page, which is the kernel's");
        }
        Integer held = from.pages.get(sourcePage);
        if (held == null || (mapping.rightsBits() & ~held) != 0) {
            violations.report(CheckedRule.ISO, what + ": " + from + (held == null ? " does not hold that page"
                    : " holds it with " + rights(held) + " only, not " + rights(mapping.rightsBits())));
        }
        if (mapping.grant()) {
            from.pages.remove(sourcePage);
            if (model.liveUtcbIn(from, sourcePage)) {
                violations.report(CheckedRule.ISO, what + " gives away a page that holds a live thread's UTCB");
            }
        }
        to.pages.put(page, mapping.rightsBits());
    }

    private void checkTransfer(String what, TaskModel from, TaskModel to, long page, long sourcePage, boolean grant) {
        Transfer t = transfer;
        if (t == null) {
            violations.report(CheckedRule.ISO, what + " happens outside any message transfer");
            return;
        }
        if (from != t.sender.task || to != t.receiver.task) {
            violations.report(CheckedRule.ISO, what + " during a transfer from " + t.sender + " to " + t.receiver);
        }
        if (!t.wholeSpace && !(t.fpage().isValid() && !t.fpage().isNil() && t.fpage().contains(page))) {
            violations.report(CheckedRule.S5, what + " lies outside " + t.receiver + "'s receive window "
                    + Abi.hex(t.window));
        }
        if (t.placement != null) {
            next(t.placement, what, page, sourcePage, grant);
        }
    }

    /** The mapping must be the next one the items call for (after any the kernel may skip unseen). */
    private void next(ItemPlacement placement, String what, long page, long sourcePage, boolean grant) {
        ItemPlacement.Expected expected;
        while ((expected = placement.poll()) != null) {
            if (expected.page() == page && expected.source() == sourcePage && expected.grant() == grant) {
                return;
            }
            if (!skippable(expected)) {
                violations.report(CheckedRule.S5, what + ", where the items call for " + (expected.grant() ? "a grant of "
                        : "a map of ") + Abi.hex((int) expected.source()) + " to " + Abi.hex((int) expected.page())
                        + " next");
                return;
            }
        }
        violations.report(CheckedRule.S5, what + ", which none of the items calls for" + (placement.noRoom() != null
                ? " (" + placement.noRoom() + ": error 4 before any page of that item)" : ""));
    }

    void unmap(EventDetail.Unmapping unmapping) {
        TaskModel task = model.task(unmapping.task());
        long page = Abi.unsigned(unmapping.address());
        if (unmapping.rightsLeft() == 0) {
            task.pages.remove(page);
        } else {
            task.pages.put(page, unmapping.rightsLeft());
        }
        if (model.isUtcbPage(task, page)) {
            step.utcbTouched.add(task);
        }
    }

    void pageFault(ThreadModel thread, EventDetail.PageFault fault) {
        step.faults.add(Step.faultKey(thread.task, Abi.unsigned(fault.address()) & ~(long) (Abi.PAGE_SIZE - 1)));
    }

    /** At the end of a step: what must hold once the kernel is done with it. */
    void endOfStep() {
        for (Step.KernelMapping mapping : step.kernelMappings) {
            if (!justified(mapping)) {
                violations.report(CheckedRule.ISO, "the kernel mapped " + Abi.hex((int) mapping.page()) + " into "
                        + mapping.task() + " although no page fault and no thread creation there asked for it");
            }
        }
        for (TaskModel task : step.utcbTouched) {
            for (ThreadModel thread : task.threads) {
                Integer rights = task.pages.get(thread.utcbPage);
                if (thread.alive && (rights == null || (rights & 6) != 6)) {
                    violations.report(CheckedRule.ISO, thread + "'s UTCB page " + Abi.hex((int) thread.utcbPage)
                            + " lost its mapping (or its rights) in " + task);
                }
            }
        }
        for (TaskModel task : step.emptiedTasks) {
            if (!task.pages.isEmpty()) {
                Map.Entry<Long, Integer> any = task.pages.entrySet().iterator().next();
                violations.report(CheckedRule.P3, "the last thread of " + task + " was deleted, but " + task.pages.size()
                        + " of its pages stay mapped (" + Abi.hex(any.getKey().intValue()) + ", ...)");
            }
        }
    }

    private boolean justified(Step.KernelMapping mapping) {
        TaskModel task = mapping.task();
        if (step.faults.contains(Step.faultKey(task, mapping.page()))) {
            return true;
        }
        for (ThreadModel created : step.created) {
            if (created.task == task && (created.utcbPage == mapping.page() || task.bootInfoPages.contains(
                    mapping.page()))) {
                return true;
            }
        }
        return false;
    }

    private static String rights(int bits) {
        return String.format(Locale.ROOT, "%s%s%s", (bits & 4) != 0 ? "r" : "-", (bits & 2) != 0 ? "w" : "-",
                (bits & 1) != 0 ? "x" : "-");
    }
}
