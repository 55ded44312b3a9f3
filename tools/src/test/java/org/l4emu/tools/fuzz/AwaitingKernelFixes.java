package org.l4emu.tools.fuzz;

import java.util.EnumSet;
import java.util.Set;

/**
 * The generator classes that find one of the kernel holes of issue 12 on the kernel this branch
 * starts from (docs/fuzzing.md lists what each finds, with seeds); kernel-sec fixes them on its
 * own branch. The smoke tests skip these classes, saying so, until the fixes are merged: then
 * each class comes out of this set and its smoke test must pass.
 */
public final class AwaitingKernelFixes {
    public static final Set<AttackClass> CLASSES = EnumSet.of(
            AttackClass.RANDOM,          // 7: ipc(nil, nil) returns error 2
            AttackClass.UTCB_REWRITE,    // 2: a rewritten MR0 (u = 63, t = 62) copies 125 words; 1: invalid BR0
            AttackClass.FPAGES,          // 1: an invalid BR0 crashes the host; unmap removes the boot info page
            AttackClass.KERNEL_PAGES,    // 5: a map item replaces the boot info page; a grant gives it away
            AttackClass.FORGED_HANDLERS, // 4: fault IPC ignores allow rules and redirection
            AttackClass.MONITOR_FORWARD, // 3: deceit with options 5/7 naming an unrelated true source
            AttackClass.TASK_CHURN);     // 6: deleting a task frees nothing

    private AwaitingKernelFixes() {}
}
