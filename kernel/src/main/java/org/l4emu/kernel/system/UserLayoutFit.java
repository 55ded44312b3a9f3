package org.l4emu.kernel.system;

import org.l4emu.kernel.memory.UserLayout;

/**
 * Every task's threads have UTCB slots below the boot info page, its stacks fit in user memory
 * below its UTCBs, and its declared memory and shared mappings lie in user memory below those
 * stacks (ABI sections 2 and 4): nothing a description asks for may reach into the kernel's
 * range, the boot info page, the UTCBs or the stacks.
 */
final class UserLayoutFit {
    private UserLayoutFit() {}

    static void check(SystemDescription description, Positions positions) throws SystemDescriptionException {
        for (TaskSpec task : description.tasks()) {
            requireUtcbSlots(task, positions);
            long lowestStack = lowestStack(task, positions);
            for (MemorySpec memory : task.memory()) {
                requireBelow(lowestStack, memory.virtualAddress(), memory.size(), "<memory>", task, memory, positions);
            }
            for (SharedRegionSpec shared : description.sharedRegions()) {
                for (SharedMappingSpec mapping : shared.mappings()) {
                    if (mapping.task().equals(task.name())) {
                        requireBelow(lowestStack, mapping.virtualAddress(), shared.size(),
                                "<map> of '" + shared.name() + "'", task, mapping, positions);
                    }
                }
            }
        }
    }

    /** The first thread and each extra one take a UTCB slot, upward from the UTCB area to the boot info page. */
    private static void requireUtcbSlots(TaskSpec task, Positions positions) throws SystemDescriptionException {
        if (1 + task.threads().size() > UserLayout.MAX_UTCBS) {
            ThreadSpec first = task.threads().get(UserLayout.MAX_UTCBS - 1);
            throw positions.error(first, "task '" + task.name() + "' has more threads than its " + UserLayout.MAX_UTCBS
                    + " UTCB slots, from thread '" + first.name() + "' on");
        }
    }

    /** The bottom of the task's stacks: the first thread's, then each extra thread's below the one before. */
    private static long lowestStack(TaskSpec task, Positions positions) throws SystemDescriptionException {
        long top = Integer.toUnsignedLong(UserLayout.MAIN_STACK_TOP);
        long bottom = top - UserLayout.MAIN_STACK_SIZE;
        for (ThreadSpec thread : task.threads()) {
            bottom -= UserLayout.roundUpToPage(thread.stackSize());
            if (bottom < UserLayout.USER_BASE) {
                throw positions.error(thread, "the stacks of task '" + task.name() + "' down to thread '"
                        + thread.name() + "' need more than the user memory below "
                        + NumberText.hex(top));
            }
        }
        return bottom;
    }

    private static void requireBelow(long lowestStack, int address, int size, String what, TaskSpec task, Object spec,
                                     Positions positions) throws SystemDescriptionException {
        long start = Integer.toUnsignedLong(address);
        long end = start + Integer.toUnsignedLong(size);
        if (start < UserLayout.USER_BASE || end > lowestStack) {
            throw positions.error(spec, what + " " + NumberText.hex(start) + "-" + NumberText.hex(end - 1)
                    + " lies outside the user memory of task '" + task.name() + "' below its stacks ("
                    + NumberText.hex(UserLayout.USER_BASE) + "-" + NumberText.hex(lowestStack - 1) + ")");
        }
    }
}
