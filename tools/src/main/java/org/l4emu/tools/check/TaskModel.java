package org.l4emu.tools.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A task as the checker sees it: the pages it holds with their rights (from the kernel's
 * mapping events), its kernel-owned pages, its allow rules and its live threads.
 */
final class TaskModel {
    final int number;
    final String name;
    /** Page address to rights bits (4 r, 2 w, 1 x). */
    final Map<Long, Integer> pages = new HashMap<>();
    /** Pages the kernel put at the boot info address: they belong to the kernel (S5). */
    final Set<Long> bootInfoPages = new HashSet<>();
    /** Its threads the model knows, dead or not, until the trace lets them go. */
    int known;
    /** Its threads that have not exited or been deleted (those a fault stopped too). */
    final Set<ThreadModel> threads = new LinkedHashSet<>();
    /** Destinations its allow rules name, or null when it has none (P1). */
    Set<Integer> allowed;
    /** Its threads that are not dead: running ones and those a fault stopped (which keep the task, P3). */
    int threadsKept;
    /** Once a thread of it was deleted and none is left: what it held must go (P3). */
    boolean deleted;

    TaskModel(int number, String name) {
        this.number = number;
        this.name = name;
    }

    boolean mayReach(TaskModel dest) {
        return allowed == null || allowed.contains(dest.number);
    }

    @Override
    public String toString() {
        return name;
    }
}
