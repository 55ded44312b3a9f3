package org.l4emu.tools.fuzz.kernel;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.MessageTag;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.TaskDeletion;
import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.fuzz.FuzzViolation;

/**
 * What guests rely on, checked from outside the kernel's data structures as the kernel reports
 * its events (the complaint about invariants that only look at the kernel's own state):
 *
 * <ul>
 * <li>S5: a delivery writes the receiver's MR0..MR(u+t) and nothing beyond MR63: every UTCB word
 * the kernel must never write (buffer registers, MyGlobalId, Pager, ExceptionHandler, the user
 * words) still holds what the thread last wrote there.
 * <li>S5: kernel-owned pages (the boot info page, UTCB pages) and addresses outside the user
 * range never receive a mapping; every live task keeps its boot info page, read-only, and every
 * live thread its UTCB where the kernel writes it.
 * <li>S6: a page-fault or exception message reaches its handler directly only when P1 permits
 * it and no redirect rule puts a monitor on its path (the fuzzer's own rule model decides).
 * <li>P3: deleting a task's last thread frees what it held: its address space at once (a thread
 * stopped by a fault is one of its threads until it is deleted too).
 * </ul>
 */
final class GuaranteeOracles {
    private static final int[][] PROTECTED_WORDS = {{Utcb.BR0, Utcb.EXCEPTION_HANDLER}, {108, FuzzThread.UTCB_WORDS - 1}};
    private static final String[] NAMES = new String[FuzzThread.UTCB_WORDS];

    static {
        for (int word = Utcb.BR0; word < Utcb.MY_GLOBAL_ID; word++) {
            NAMES[word] = word <= Utcb.BR0 + 32 ? "BR" + (word - Utcb.BR0) : "word " + word;
        }
        NAMES[Utcb.MY_GLOBAL_ID] = "MyGlobalId";
        NAMES[Utcb.PAGER] = "Pager";
        NAMES[Utcb.EXCEPTION_HANDLER] = "ExceptionHandler";
        for (int word = 108; word < FuzzThread.UTCB_WORDS; word++) {
            NAMES[word] = word == 108 ? "UserDefinedHandle" : word <= 111 ? "ThreadWord" + (word - 109) : "word " + word;
        }
    }

    private final FuzzWorld world;
    private boolean memoryChanged;
    private final List<Task> emptiedByDeletion = new ArrayList<>();

    GuaranteeOracles(FuzzWorld world) {
        this.world = world;
    }

    void delivered(Thread sender, Thread receiver, int tag, int dope) {
        FuzzThread target = world.of(receiver);
        for (int[] range : PROTECTED_WORDS) {
            for (int word = range[0]; word <= range[1]; word++) {
                int now = world.readUtcb(target, word);
                if (now != target.shadow(word)) {
                    throw new FuzzViolation(String.format("S5: a delivery from %s with tag 0x%08x wrote %s's UTCB %s "
                            + "(0x%08x, was 0x%08x): nothing beyond MR63 may be written", sender, tag, receiver,
                            NAMES[word], now, target.shadow(word)));
                }
            }
        }
        if (sender != null && sender.faultIpc() != null && isFaultMessage(tag) && (dope & Dope.REDIRECTED_BIT) == 0
                && !world.of(sender).faultMayGoDirect()) {
            throw new FuzzViolation("S6: the fault message of " + sender + " reached " + receiver + " directly, "
                    + "although, when the fault IPC started, P1 forbade it or a redirect rule put a monitor on its path");
        }
    }

    /**
     * A fault IPC starts: a path is fixed when its IPC starts (R1), so whether the message may
     * reach the handler directly is judged by the rules now, not at delivery (rules may change
     * while the handler is busy).
     */
    void faultIpcStarted(Thread faulting, Thread handler) {
        RuleModel rules = world.rules();
        world.of(faulting).faultIpcStarted(rules.permits(faulting.task(), handler.task())
                && rules.pathEmpty(faulting, handler.task()));
    }

    private static boolean isFaultMessage(int tag) {
        int label = MessageTag.label(tag);
        return (tag & MessageTag.KERNEL_FLAG) != 0
                && ((label & ~7) == Support.PAGE_FAULT_LABEL || label == Support.EXCEPTION_LABEL);
    }

    void mapped(Task task, int virtualAddress) {
        memoryChanged = true;
        long address = Integer.toUnsignedLong(virtualAddress);
        if (!UserLayout.isUserRange(address, UserLayout.PAGE_SIZE)) {
            throw new FuzzViolation(String.format("S5: a mapping landed at 0x%08x in %s, outside the user range",
                    address, task));
        }
        if (virtualAddress == UserLayout.BOOT_INFO || task.isUtcbPage(virtualAddress)) {
            throw new FuzzViolation(String.format("S5: a mapping replaced %s's %s at 0x%08x", task,
                    virtualAddress == UserLayout.BOOT_INFO ? "boot info page" : "UTCB page", address));
        }
    }

    /** An unmap may take what no unmap may take. */
    void unmapCalled() {
        memoryChanged = true;
    }

    void threadDeleted(Thread thread) {
        if (TaskDeletion.isEmpty(thread.task())) {
            emptiedByDeletion.add(thread.task());
        }
    }

    /**
     * The checks that concern the whole system, once per trap and only when something could have
     * changed. A task whose last thread deleted itself is freed once the machine has left its
     * space, before anyone runs again: it is judged at the next trap.
     */
    void afterTrap(Thread trapped) {
        if (!emptiedByDeletion.isEmpty()) {
            for (Task task : emptiedByDeletion) {
                if (task != trapped.task() && TaskDeletion.isEmpty(task) && world.machine().isLive(task.space())) {
                    throw new FuzzViolation("P3: the last thread of " + task + " was deleted, but its address space "
                            + "(page tables and mappings) was not freed");
                }
            }
            emptiedByDeletion.removeIf(task -> task != trapped.task());
        }
        if (!memoryChanged) {
            return;
        }
        memoryChanged = false;
        for (Task task : world.kernel().view().threads().tasks()) {
            if (task.liveThreads() > 0 && world.machine().isLive(task.space())) {
                checkKernelOwnedPages(task);
            }
        }
    }

    private void checkKernelOwnedPages(Task task) {
        if (task.space().translate(UserLayout.BOOT_INFO) != world.bootInfoFrame()
                || !task.space().rights(UserLayout.BOOT_INFO).equals(Access.READ)) {
            throw new FuzzViolation("S5: " + task + " lost its boot info page (read-only at 0xbfff0000 in every task)");
        }
        for (Thread thread : task.threads()) {
            if (thread.isAlive() && task.space().translate(thread.utcbAddress()) != thread.utcbPhysical()) {
                throw new FuzzViolation("S5: " + thread + " lost its UTCB page: the kernel writes its UTCB where "
                        + "the thread no longer sees it");
            }
        }
    }
}
