package org.l4emu.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.TrapHandler;
import org.l4emu.emulator.Trap;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootInfoPage;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.boot.ImageSet;
import org.l4emu.kernel.boot.RuleInstaller;
import org.l4emu.kernel.boot.SystemBuilder;
import org.l4emu.kernel.ipc.IpcEngine;
import org.l4emu.kernel.memory.AccessBits;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.Sigma0;
import org.l4emu.kernel.memory.UserMemory;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.TaskDeletion;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadFactory;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.redirect.AllowRules;
import org.l4emu.kernel.redirect.RedirectionTable;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.syscall.KdebugCalls;
import org.l4emu.kernel.syscall.RedirectCall;
import org.l4emu.kernel.syscall.ThreadControlCall;
import org.l4emu.kernel.syscall.UnmapCall;
import org.l4emu.kernel.syscall.SyscallDispatcher;
import org.l4emu.kernel.syscall.ThreadCalls;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * The kernel: builds the system on a machine and runs it until shutdown, until every thread has
 * exited, until deadlock, or until a limit. The loop runs the scheduler's current thread for as
 * many instructions as may pass before the next timeout or limit, then handles its trap.
 */
public final class Kernel implements KdebugCalls.Host {
    private static final int NO_EXIT = Integer.MIN_VALUE;

    private final Machine machine;
    private final BootOptions options;
    private final OutputStream console;
    private final PrintStream log;
    private final KernelEvents events;
    private final ThreadTable threads = new ThreadTable();
    private final Scheduler scheduler = new Scheduler();
    private final TimeoutQueue timeouts;
    private final VirtualClock clock = new VirtualClock();
    private final Sigma0 sigma0;
    private final MappingDatabase mappings;
    private final FaultHandler faults;
    private final RedirectionTable redirections = new RedirectionTable();
    private final AllowRules allowRules = new AllowRules();
    private final IpcEngine ipc;
    private final SyscallDispatcher dispatcher;
    private final long maxTimeNanos;
    private final Utcb utcb;
    private final TaskDeletion taskDeletion;
    /** Tasks whose last thread ended while they ran: freed once the machine has left their space. */
    private final List<Task> tasksToFree = new ArrayList<>();
    private long instructions;
    /** The thread the machine runs now; inside the trap handler it changes without leaving the machine. */
    private Thread running;
    private long accountedInstructions;
    private long runLimit = Long.MAX_VALUE;
    private boolean fastPath = true;
    /** Made once: a method reference made at each step would allocate. */
    private final TrapHandler syscallHandler = this::syscallInTrap;
    private int exitCode = NO_EXIT;
    private boolean stopRequested;

    private Kernel(Machine machine, SystemDescription description, ImageSet images, BootOptions options,
                   OutputStream console, PrintStream log, KernelEvents events) throws BootException {
        this.machine = machine;
        this.options = options;
        this.console = console;
        this.log = log;
        this.events = events;
        this.timeouts = new TimeoutQueue(events);
        this.mappings = new MappingDatabase(events);
        this.utcb = new Utcb(machine.memory());
        UserMemory userMemory = new UserMemory(machine.memory());
        this.sigma0 = new Sigma0(machine.memory(), mappings);
        this.faults = new FaultHandler(threads, utcb, sigma0, this::unhandledFault);
        this.ipc = new IpcEngine(threads, scheduler, timeouts, clock, utcb, userMemory, events, redirections,
                allowRules, mappings, faults);
        faults.attach(ipc);
        BootInfoPage bootInfo = new SystemBuilder(machine, images, threads, sigma0, utcb, mappings).build(description);
        RuleInstaller.install(description, threads, redirections, allowRules, events);
        ThreadCalls threadCalls = new ThreadCalls(threads, scheduler, ipc.rendezvous());
        this.taskDeletion = new TaskDeletion(threads, mappings, sigma0);
        ThreadControlCall threadControl = new ThreadControlCall(machine, threads,
                new ThreadFactory(machine, threads, mappings, sigma0, utcb, events), mappings, bootInfo, taskDeletion,
                this::delete);
        this.dispatcher = new SyscallDispatcher(ipc, new KdebugCalls(userMemory, this, events), threadCalls,
                new RedirectCall(threads, redirections, events), threadControl, new UnmapCall(mappings), clock, events);
        long maxMicros = options.maxTimeMicros() == BootOptions.FROM_DESCRIPTION
                ? description.maxTimeUs() : options.maxTimeMicros();
        this.maxTimeNanos = VirtualClock.microsecondsToNanos(maxMicros);
    }

    /** Builds {@code description} on {@code machine}; every thread starts in description order. */
    public static Kernel boot(Machine machine, SystemDescription description, ImageSet images, BootOptions options,
                              OutputStream console, PrintStream log, KernelEvents events) throws BootException {
        Kernel kernel = new Kernel(machine, description, images, options, console, log, events);
        events.booted(kernel);
        for (Thread thread : kernel.threads.all()) {
            kernel.scheduler.makeReady(thread);
            events.threadStarted(thread);
        }
        return kernel;
    }

    public ThreadTable threads() {
        return threads;
    }

    public VirtualClock clock() {
        return clock;
    }

    public Machine machine() {
        return machine;
    }

    /** Instructions retired by every guest thread so far. */
    public long instructions() {
        return instructions;
    }

    /** True when {@code thread} is queued to run (for invariant checks). */
    public boolean isQueuedToRun(Thread thread) {
        return scheduler.isQueued(thread);
    }

    /** True when {@code thread} waits in the timeout queue (for invariant checks). */
    public boolean hasPendingTimeout(Thread thread) {
        return timeouts.contains(thread);
    }

    /**
     * Every thread queued to run, and every thread in the timeout queue (by deadline, then ID):
     * an invariant checker walks them once per check rather than searching them per thread.
     */
    public void forEachQueued(Consumer<Thread> queuedToRun, Consumer<Thread> pendingTimeout) {
        scheduler.forEachQueued(queuedToRun);
        timeouts.forEachQueued(pendingTimeout);
    }

    /** The thread that runs next, or null when none is ready. */
    public Thread currentThread() {
        return scheduler.current();
    }

    /** Word {@code index} of {@code thread}'s UTCB (message registers, ErrorCode, ...). */
    public int utcbWord(Thread thread, int index) {
        return utcb.read(thread, index);
    }

    public boolean finished() {
        return exitCode != NO_EXIT;
    }

    /** The exit code of ABI section 4, once {@link #finished()}. */
    public int exitCode() {
        return exitCode;
    }

    /** Asks the running loop to return after the current event (for steppers and debuggers). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Runs to the end and returns the exit code (ABI section 4). */
    public int run() {
        runUntil(Long.MAX_VALUE);
        return exitCode;
    }

    /**
     * Runs until the run ends, until {@code instructionCount} instructions have retired in all,
     * or until an observer calls {@link #requestStop()}. Because runs are deterministic, running
     * a fresh boot to the same count reproduces the same state: that is how steppers go back.
     * Returns true when the run has ended.
     */
    public boolean runUntil(long instructionCount) {
        stopRequested = false;
        runLimit = instructionCount;
        while (exitCode == NO_EXIT && !stopRequested && instructions < instructionCount) {
            step();
        }
        if (exitCode != NO_EXIT && !stopRequested) {
            flushConsole();
        }
        return exitCode != NO_EXIT;
    }

    /**
     * Without the fast path every system call leaves the emulator; the result is the same, byte
     * for byte, only slower (tests compare the two).
     */
    public void disableFastPath() {
        fastPath = false;
    }

    /**
     * One scheduling step: expire timeouts, then run the current thread up to its next trap.
     * With the fast path, system calls are handled inside the trap and the machine goes on with
     * whichever thread is next, so a step may cover many threads and calls.
     */
    private void step() {
        freeLeftTasks();
        Thread current = chooseNext();
        if (current == null) {
            idle();
            return;
        }
        running = current;
        accountedInstructions = machine.instructionsRetired();
        Trap trap = fastPath
                ? machine.run(current.context(), current.task().space(), budgetFor(current), syscallHandler)
                : machine.run(current.context(), current.task().space(), budgetFor(current));
        account(running);
        if (trap instanceof Trap.Handled) {
            return;
        }
        handle(running, trap);
        afterTrap(running);
    }

    /** The fast path: a system call handled inside the trap, then on with the next thread if there is one. */
    private boolean syscallInTrap(CpuContext context, TrapHandler.Continuation next) {
        account(running);
        handle(running, Trap.SYSCALL);
        afterTrap(running);
        if (exitCode != NO_EXIT || stopRequested || instructions >= runLimit || !tasksToFree.isEmpty()) {
            // A task whose last thread ended in this call is freed before anyone runs again (P3).
            return false;
        }
        Thread following = chooseNext();
        if (following == null) {
            return false;
        }
        running = following;
        next.set(following.context(), following.task().space(), budgetFor(following));
        return true;
    }

    private Thread chooseNext() {
        expireTimeouts();
        return scheduler.current();
    }

    /** Charges the instructions retired since the last charge to {@code thread} and to virtual time. */
    private void account(Thread thread) {
        long retired = machine.instructionsRetired();
        long executed = retired - accountedInstructions;
        accountedInstructions = retired;
        instructions += executed;
        clock.advanceInstructions(executed);
        thread.addInstructions(executed);
        thread.setSliceRemaining(thread.sliceRemaining() - executed);
    }

    private void afterTrap(Thread thread) {
        events.trapHandled(thread);
        checkLimits();
    }

    private long budgetFor(Thread current) {
        long budget = Math.min(current.sliceRemaining(),
                clock.instructionsUntil(Math.min(timeouts.earliest(), maxTimeNanos)));
        if (options.maxInstructions() != BootOptions.UNLIMITED) {
            budget = Math.min(budget, options.maxInstructions() - instructions);
        }
        return Math.max(1, Math.min(budget, runLimit - instructions));
    }

    private void handle(Thread current, Trap trap) {
        switch (trap) {
            case Trap.Syscall s -> {
                enterKernel();
                dispatcher.dispatch(current);
            }
            case Trap.BudgetExhausted b -> {
                if (current.sliceRemaining() <= 0) {
                    scheduler.rotate(current);
                }
            }
            case Trap.PageFault fault -> {
                events.pageFault(current, fault.address(), AccessBits.of(fault.access()), fault.instructionPointer());
                faults.pageFault(current, fault);
            }
            case Trap.CpuException exception -> faults.exception(current, exception);
            case Trap.Handled handled -> throw new IllegalStateException("a handled trap has nothing left to do");
        }
    }

    private void unhandledFault(Thread thread, Trap trap) {
        log.println(FaultReport.line(thread, trap, clock.nowMicroseconds()));
        if (options.stopOnFault()) {
            finish(ExitCode.UNHANDLED_FAULT);
            return;
        }
        retire(thread, ThreadState.STOPPED, "fault");
    }

    /**
     * A kernel entry takes {@link VirtualClock#NANOS_PER_SYSCALL} of virtual time. A timeout due
     * within it expires at its deadline, before the call is handled, so that every timeout fires
     * exactly at its deadline (S3, docs/spec-decisions.md).
     */
    private void enterKernel() {
        long handled = clock.now() + VirtualClock.NANOS_PER_SYSCALL;
        long due;
        while ((due = timeouts.earliest()) < handled) {
            clock.jumpTo(due);
            expireTimeouts();
        }
        clock.jumpTo(handled);
    }

    private void expireTimeouts() {
        Thread expired;
        while ((expired = timeouts.pollExpired(clock.now())) != null) {
            ipc.timeoutExpired(expired);
        }
    }

    /** Nothing can run: jump to the next timeout, or end the run. */
    private void idle() {
        long next = timeouts.earliest();
        if (next != Thread.NO_DEADLINE) {
            clock.jumpTo(Math.min(next, maxTimeNanos));
            checkLimits();
            return;
        }
        boolean anyBlocked = threads.all().stream().anyMatch(Thread::isAlive);
        if (!anyBlocked) {
            long stopped = threads.all().stream().filter(t -> t.state() == ThreadState.STOPPED).count();
            info("l4emu: every thread has " + (stopped == 0 ? "exited" : "ended (" + stopped + " stopped by a fault)")
                    + " at " + clock.nowMicroseconds() + " us after " + instructions + " instructions");
            finish(ExitCode.ALL_EXITED);
            return;
        }
        DeadlockReport.lines(threads, clock.nowMicroseconds()).forEach(log::println);
        finish(ExitCode.DEADLOCK);
    }

    private void checkLimits() {
        if (exitCode != NO_EXIT) {
            return;
        }
        if (clock.now() >= maxTimeNanos) {
            log.println("l4emu: virtual time limit of " + maxTimeNanos / VirtualClock.NANOS_PER_MICROSECOND
                    + " us reached");
            finish(ExitCode.LIMIT_REACHED);
        } else if (options.maxInstructions() != BootOptions.UNLIMITED && instructions >= options.maxInstructions()) {
            log.println("l4emu: instruction limit of " + options.maxInstructions() + " reached");
            finish(ExitCode.LIMIT_REACHED);
        }
    }

    private void finish(int code) {
        exitCode = code;
        events.finished(code);
    }

    private void retire(Thread thread, ThreadState state, String reason) {
        scheduler.block(thread, state);
        ipc.rendezvous().partnerGone(thread);
        events.threadExited(thread, reason);
        Task task = thread.task();
        if (state == ThreadState.DEAD && TaskDeletion.isEmpty(task)) {
            if (running != null && running.task() == task) {
                // The machine may still be in this space (a system call handled in the trap).
                tasksToFree.add(task);
            } else {
                taskDeletion.free(task);
            }
        }
    }

    /** thread_control deletion: a deleted thread's slot is free again even while its task lives on (P3). */
    private void delete(Thread thread) {
        retire(thread, ThreadState.DEAD, "deleted");
        if (!TaskDeletion.isEmpty(thread.task())) {
            threads.removeThread(thread);
        }
    }

    private void freeLeftTasks() {
        if (!tasksToFree.isEmpty()) {
            tasksToFree.forEach(taskDeletion::free);
            tasksToFree.clear();
        }
    }

    @Override
    public void console(Thread thread, byte[] bytes) {
        events.console(thread, bytes);
        try {
            console.write(bytes);
            if (containsNewline(bytes)) {
                console.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("console output failed", e);
        }
    }

    private static boolean containsNewline(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void shutdown(int code) {
        info("l4emu: shutdown(" + code + ") at " + clock.nowMicroseconds() + " us after " + instructions
                + " instructions");
        // A process exit status has 8 bits; make the truncation explicit rather than the OS's.
        finish(ExitCode.ofShutdown(code));
    }

    @Override
    public void exitThread(Thread thread) {
        retire(thread, ThreadState.DEAD, "exit");
    }

    private void info(String line) {
        if (!options.quiet()) {
            log.println(line);
        }
    }

    private void flushConsole() {
        try {
            console.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("console output failed", e);
        }
    }
}
