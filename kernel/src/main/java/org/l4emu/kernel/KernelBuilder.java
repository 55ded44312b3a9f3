package org.l4emu.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import org.l4emu.emulator.Machine;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootInfoPage;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.boot.ImageSet;
import org.l4emu.kernel.boot.RuleInstaller;
import org.l4emu.kernel.boot.SystemBuilder;
import org.l4emu.kernel.fault.FaultHandler;
import org.l4emu.kernel.ipc.IpcEngine;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.Sigma0;
import org.l4emu.kernel.memory.UserMemory;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.TaskDeletion;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadFactory;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.redirect.AllowRules;
import org.l4emu.kernel.redirect.RedirectionTable;
import org.l4emu.kernel.run.KdebugHost;
import org.l4emu.kernel.run.KernelLog;
import org.l4emu.kernel.run.ObserverView;
import org.l4emu.kernel.run.RunLoop;
import org.l4emu.kernel.run.RunState;
import org.l4emu.kernel.run.ThreadEndings;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.syscall.KdebugCalls;
import org.l4emu.kernel.syscall.RedirectCall;
import org.l4emu.kernel.syscall.SyscallDispatcher;
import org.l4emu.kernel.syscall.ThreadCalls;
import org.l4emu.kernel.syscall.ThreadControlCall;
import org.l4emu.kernel.syscall.UnmapCall;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;

/**
 * Boots a kernel: makes every kernel object, each complete from its constructor and in an order
 * where each finds what it needs made already, builds the system of a description on them, and
 * starts its threads.
 */
final class KernelBuilder {
    private final Machine machine;
    private final BootOptions options;
    private final KernelEvents events;
    private final ThreadTable threads = new ThreadTable();
    private final Scheduler scheduler = new Scheduler();
    private final TimeoutQueue timeouts;
    private final VirtualClock clock = new VirtualClock();
    private final MappingDatabase mappings;
    private final RedirectionTable redirections = new RedirectionTable();
    private final AllowRules allowRules = new AllowRules();
    private final Utcb utcb;
    private final UserMemory userMemory;
    private final Sigma0 sigma0;
    private final RunState state;
    private final KernelLog log;

    private KernelBuilder(Machine machine, BootOptions options, PrintStream log, KernelEvents events) {
        this.machine = machine;
        this.options = options;
        this.events = events;
        this.timeouts = new TimeoutQueue(events);
        this.mappings = new MappingDatabase(events);
        this.utcb = new Utcb(machine.memory());
        this.userMemory = new UserMemory(machine.memory());
        this.sigma0 = new Sigma0(machine.memory(), mappings);
        this.state = new RunState(events);
        this.log = new KernelLog(log, options.quiet());
    }

    /** Builds {@code description} on {@code machine}; every thread starts in description order. */
    static Kernel boot(Machine machine, SystemDescription description, ImageSet images, BootOptions options,
                       OutputStream console, PrintStream log, KernelEvents events) throws BootException {
        return new KernelBuilder(machine, options, log, events).build(description, images, console);
    }

    private Kernel build(SystemDescription description, ImageSet images, OutputStream console) throws BootException {
        IpcEngine ipc = new IpcEngine(threads, scheduler, timeouts, clock, utcb, userMemory, events, redirections,
                allowRules, mappings);
        TaskDeletion taskDeletion = new TaskDeletion(threads, mappings, sigma0);
        ThreadEndings endings = new ThreadEndings(threads, scheduler, ipc.rendezvous(), taskDeletion, clock, state,
                events, log, options.stopOnFault());
        FaultHandler faults = new FaultHandler(threads, utcb, sigma0, ipc, endings);
        BootInfoPage bootInfo = new SystemBuilder(machine, images, threads, sigma0, utcb, mappings).build(description);
        RuleInstaller.install(description, threads, redirections, allowRules, events);
        KdebugHost kdebug = new KdebugHost(console, events, log, clock, state, endings);
        SyscallDispatcher dispatcher = dispatcher(ipc, bootInfo, taskDeletion, endings, kdebug);
        RunLoop.Parts parts = new RunLoop.Parts(machine, threads, scheduler, timeouts, clock, dispatcher, faults, ipc,
                endings, kdebug);
        RunLoop loop = new RunLoop(parts, state, events, log, options.maxInstructions(), maxTimeNanos(description));
        KernelView view = new ObserverView(threads, clock, scheduler, timeouts, utcb, machine.memory(), state);
        events.booted(view);
        for (Thread thread : threads.all()) {
            scheduler.makeReady(thread);
            events.threadStarted(thread);
        }
        return new Kernel(machine, loop, state, view);
    }

    private SyscallDispatcher dispatcher(IpcEngine ipc, BootInfoPage bootInfo, TaskDeletion taskDeletion,
                                         ThreadEndings endings, KdebugHost kdebug) {
        ThreadCalls threadCalls = new ThreadCalls(threads, scheduler, ipc.rendezvous());
        ThreadControlCall threadControl = new ThreadControlCall(machine, threads,
                new ThreadFactory(machine, threads, mappings, sigma0, utcb, events), mappings, bootInfo, taskDeletion,
                endings::delete);
        return new SyscallDispatcher(ipc, new KdebugCalls(userMemory, kdebug, events), threadCalls,
                new RedirectCall(threads, redirections, events), threadControl, new UnmapCall(mappings), clock, events);
    }

    private long maxTimeNanos(SystemDescription description) {
        long maxMicros = options.maxTimeMicros() == BootOptions.FROM_DESCRIPTION
                ? description.maxTimeUs() : options.maxTimeMicros();
        return VirtualClock.microsecondsToNanos(maxMicros);
    }
}
