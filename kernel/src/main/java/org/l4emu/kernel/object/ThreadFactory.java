package org.l4emu.kernel.object;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.Sigma0;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.trace.KernelEvents;

/** Creates threads, at boot and by thread_control: registers, UTCB page and UTCB words. */
public final class ThreadFactory {
    private final Machine machine;
    private final ThreadTable threads;
    private final MappingDatabase mappings;
    private final Utcb utcb;
    private final Sigma0 sigma0;
    private final KernelEvents events;

    public ThreadFactory(Machine machine, ThreadTable threads, MappingDatabase mappings, Sigma0 sigma0, Utcb utcb) {
        this(machine, threads, mappings, sigma0, utcb, KernelEvents.NONE);
    }

    /** {@code events} hears of each thread created (at run time: boot threads are reported by booting). */
    public ThreadFactory(Machine machine, ThreadTable threads, MappingDatabase mappings, Sigma0 sigma0, Utcb utcb,
                         KernelEvents events) {
        this.events = events;
        this.machine = machine;
        this.sigma0 = sigma0;
        this.threads = threads;
        this.mappings = mappings;
        this.utcb = utcb;
    }

    /** A HALTED thread with its UTCB at {@code utcbAddress} (512-byte aligned, mapped here if need be). */
    public Thread create(Task task, String name, int id, int priority, int entry, int stackPointer, int utcbAddress,
                         int pager) throws OutOfPhysicalMemoryException {
        int utcbPage = UserLayout.pageBase(Integer.toUnsignedLong(utcbAddress));
        if (!mappings.isMapped(task, utcbPage)) {
            sigma0.mapOwnedFrame(task, utcbPage, Access.READ_WRITE);
        }
        task.addUtcbPage(utcbPage);
        CpuContext context = machine.createContext(entry, stackPointer);
        context.setThreadPointer(utcbAddress);
        Thread thread = Thread.create(id, name, task, priority, context, utcbAddress,
                task.space().translate(utcbAddress));
        threads.add(thread);
        utcb.write(thread, Utcb.MY_GLOBAL_ID, id);
        utcb.write(thread, Utcb.PAGER, pager);
        utcb.write(thread, Utcb.EXCEPTION_HANDLER, ThreadId.NIL);
        events.threadCreated(thread);
        return thread;
    }
}
