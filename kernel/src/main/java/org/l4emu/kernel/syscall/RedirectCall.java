package org.l4emu.kernel.syscall;

import org.l4emu.abi.Abi;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.redirect.RedirectionRule;
import org.l4emu.kernel.redirect.RedirectionTable;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * redirect(op, source, dest, monitor): the redirection controller (a privileged task) adds or
 * removes rules at run time. op bits 1..0: 0 add, 1 remove; bits 9..8: the class for add.
 */
public final class RedirectCall {
    private static final int ADD = Abi.RedirectAction.ADD;
    private static final int REMOVE = Abi.RedirectAction.REMOVE;
    /** Every op bit but the action's and the class's must be 0. */
    private static final int RESERVED_BITS = ~(Abi.RedirectOp.ACTION.bits() | Abi.RedirectOp.CLASS.bits());

    private final ThreadTable threads;
    private final RedirectionTable table;
    private final KernelEvents events;

    public RedirectCall(ThreadTable threads, RedirectionTable table, KernelEvents events) {
        this.threads = threads;
        this.table = table;
        this.events = events;
    }

    /** Returns the result code: 0, or an error code of the IPC table. */
    public int call(Thread caller, int op, int source, int dest, int monitor) {
        if (!caller.task().privileged()) {
            return IpcError.NOT_PERMITTED.code();
        }
        int action = Abi.RedirectOp.ACTION.get(op);
        MonitorClass monitorClass = MonitorClass.ofCode(Abi.RedirectOp.CLASS.get(op));
        if ((op & RESERVED_BITS) != 0 || (action != ADD && action != REMOVE) || monitorClass == null) {
            return IpcError.INVALID_ARGUMENT.code();
        }
        Task sourceTask = taskOf(source);
        Task destTask = taskOf(dest);
        if ((source != ThreadId.ANY && sourceTask == null) || (dest != ThreadId.ANY && destTask == null)) {
            return IpcError.NO_PARTNER.code();
        }
        return action == ADD ? add(sourceTask, destTask, monitor, monitorClass) : remove(sourceTask, destTask, monitor);
    }

    private int add(Task source, Task dest, int monitor, MonitorClass monitorClass) {
        Thread monitorThread = threads.lookup(monitor);
        if (monitorThread == null) {
            return IpcError.NO_PARTNER.code();
        }
        RedirectionRule rule = new RedirectionRule(source, dest, monitorThread, monitorClass);
        table.add(rule);
        events.redirectionRuleAdded(rule);
        return 0;
    }

    /** A rule is removed by its monitor's ID, also after that monitor died (its rule still fails IPC, S2). */
    private int remove(Task source, Task dest, int monitor) {
        Thread monitorThread = table.remove(source, dest, monitor);
        if (monitorThread == null) {
            return threads.lookup(monitor) == null ? IpcError.NO_PARTNER.code() : IpcError.INVALID_ARGUMENT.code();
        }
        events.redirectionRuleRemoved(source, dest, monitorThread);
        return 0;
    }

    private Task taskOf(int id) {
        if (id == ThreadId.ANY) {
            return null;
        }
        Thread thread = threads.lookup(id);
        return thread == null ? null : thread.task();
    }
}
