package org.l4emu.kernel.syscall;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.kernel.boot.BootInfoPage;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.PageTables;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.object.Quotas;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.TaskDeletion;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadFactory;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.system.TaskSpec;

/**
 * thread_control(dest, space, pager, utcb), privileged: space = nilthread deletes dest;
 * otherwise dest is created halted in the task of thread {@code space}, or in a new empty task
 * when space = dest, with the given pager and UTCB address. exchange_registers starts it.
 */
public final class ThreadControlCall {
    /** How the kernel ends a thread's life (kdebug exit does the same). */
    public interface Retirement {
        void delete(Thread thread);
    }

    private final Machine machine;
    private final ThreadTable threads;
    private final ThreadFactory factory;
    private final MappingDatabase mappings;
    private final BootInfoPage bootInfo;
    private final Retirement retirement;
    private final TaskDeletion taskDeletion;

    public ThreadControlCall(Machine machine, ThreadTable threads, ThreadFactory factory, MappingDatabase mappings,
                             BootInfoPage bootInfo, TaskDeletion taskDeletion, Retirement retirement) {
        this.taskDeletion = taskDeletion;
        this.machine = machine;
        this.threads = threads;
        this.factory = factory;
        this.mappings = mappings;
        this.bootInfo = bootInfo;
        this.retirement = retirement;
    }

    /** Returns the result code: 0, or an error code of the IPC table. */
    public int call(Thread caller, int dest, int space, int pager, int utcbAddress) {
        if (!caller.task().privileged()) {
            return IpcError.NOT_PERMITTED.code();
        }
        if (space == ThreadId.NIL) {
            return delete(dest);
        }
        if (dest == ThreadId.ANY || ThreadId.number(dest) < ThreadId.FIRST_USER_NUMBER || ThreadId.version(dest) == 0
                || threads.isNumberInUse(ThreadId.number(dest)) || !validUtcb(utcbAddress)) {
            return IpcError.INVALID_ARGUMENT.code();
        }
        Task task;
        boolean newTask = space == dest;
        if (newTask) {
            try {
                task = newTask(dest);
            } catch (OutOfPhysicalMemoryException e) {
                return IpcError.NOT_PERMITTED.code();
            }
        } else {
            Thread inSpace = threads.lookup(space);
            if (inSpace == null) {
                return IpcError.NO_PARTNER.code();
            }
            task = inSpace.task();
            if (task.liveThreads() >= task.quotas().threads()) {
                return IpcError.NOT_PERMITTED.code();
            }
            if (task.isUtcbPage(UserLayout.pageBase(Integer.toUnsignedLong(utcbAddress)))
                    && utcbTaken(task, utcbAddress)) {
                return IpcError.INVALID_ARGUMENT.code();
            }
        }
        if (needsPageBeyondQuota(task, utcbAddress)) {
            // P3: the UTCB page is a mapping of the task like any other, within its max-mappings.
            if (newTask) {
                taskDeletion.free(task);
            }
            return IpcError.NOT_PERMITTED.code();
        }
        try {
            factory.create(task, task.name() + ".t" + ThreadId.number(dest), dest, TaskSpec.DEFAULT_PRIORITY, 0, 0,
                    utcbAddress, pager);
        } catch (OutOfPhysicalMemoryException e) {
            // P3: out of physical memory is error 6, and a task made for the thread goes again.
            if (newTask) {
                taskDeletion.free(task);
            }
            return IpcError.NOT_PERMITTED.code();
        }
        return 0;
    }

    /** A new, empty task with the boot info page; nothing is left allocated when memory runs out. */
    private Task newTask(int dest) throws OutOfPhysicalMemoryException {
        AddressSpace addressSpace = PageTables.createSpace(machine);
        Task task = new Task("task" + ThreadId.number(dest), addressSpace, false, false, Quotas.DEFAULTS);
        threads.addTask(task);
        try {
            bootInfo.mapInto(task, mappings);
        } catch (OutOfPhysicalMemoryException e) {
            taskDeletion.free(task);
            throw e;
        }
        return task;
    }

    /** A thread a fault stopped can be deleted too: else its task could never be freed (P3). */
    private int delete(int dest) {
        Thread thread = threads.lookupUndeleted(dest);
        if (thread == null) {
            return IpcError.NO_PARTNER.code();
        }
        retirement.delete(thread);
        return 0;
    }

    /** True when the UTCB's page is not mapped in {@code task} yet and one more mapping would exceed its quota. */
    private boolean needsPageBeyondQuota(Task task, int utcbAddress) {
        int page = UserLayout.pageBase(Integer.toUnsignedLong(utcbAddress));
        return !mappings.isMapped(task, page) && mappings.quotaUsedUp(task);
    }

    /** UTCB-size (512-byte) aligned and inside user memory below the boot info page. */
    private static boolean validUtcb(int address) {
        long unsigned = Integer.toUnsignedLong(address);
        return (address & (UserLayout.UTCB_SIZE - 1)) == 0 && unsigned >= UserLayout.USER_BASE
                && unsigned < Integer.toUnsignedLong(UserLayout.BOOT_INFO);
    }

    private static boolean utcbTaken(Task task, int address) {
        return task.threads().stream().anyMatch(t -> t.state() != ThreadState.DEAD && t.utcbAddress() == address);
    }
}
