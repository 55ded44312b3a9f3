package org.l4emu.kernel.run;

import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.TrapHandler;
import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.fault.FaultHandler;
import org.l4emu.kernel.ipc.IpcEngine;
import org.l4emu.kernel.memory.AccessBits;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.syscall.SyscallDispatcher;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * The kernel's loop: runs the scheduler's current thread for as many instructions as may pass
 * before the next timeout or limit, then handles its trap; until shutdown, until every thread has
 * exited, until deadlock, or until a limit.
 */
public final class RunLoop {
    /** The kernel objects the loop drives. */
    public record Parts(Machine machine, ThreadTable threads, Scheduler scheduler, TimeoutQueue timeouts,
                        VirtualClock clock, SyscallDispatcher dispatcher, FaultHandler faults, IpcEngine ipc,
                        ThreadEndings endings, KdebugHost kdebug) {}

    private final Machine machine;
    private final ThreadTable threads;
    private final Scheduler scheduler;
    private final TimeoutQueue timeouts;
    private final VirtualClock clock;
    private final SyscallDispatcher dispatcher;
    private final FaultHandler faults;
    private final IpcEngine ipc;
    private final ThreadEndings endings;
    private final KdebugHost kdebug;
    private final RunState state;
    private final KernelEvents events;
    private final KernelLog log;
    private final long maxInstructions;
    private final long maxTimeNanos;
    private long accountedInstructions;
    private long runLimit = Long.MAX_VALUE;
    private boolean fastPath = true;
    /** Made once: a method reference made at each step would allocate. */
    private final TrapHandler syscallHandler = this::syscallInTrap;

    /** Limits: {@code maxInstructions} ({@link BootOptions#UNLIMITED} for none) and virtual time {@code maxTimeNanos}. */
    public RunLoop(Parts parts, RunState state, KernelEvents events, KernelLog log, long maxInstructions,
                   long maxTimeNanos) {
        this.machine = parts.machine();
        this.threads = parts.threads();
        this.scheduler = parts.scheduler();
        this.timeouts = parts.timeouts();
        this.clock = parts.clock();
        this.dispatcher = parts.dispatcher();
        this.faults = parts.faults();
        this.ipc = parts.ipc();
        this.endings = parts.endings();
        this.kdebug = parts.kdebug();
        this.state = state;
        this.events = events;
        this.log = log;
        this.maxInstructions = maxInstructions;
        this.maxTimeNanos = maxTimeNanos;
    }

    /**
     * Runs until the run ends, until {@code instructionCount} instructions have retired in all,
     * or until an observer asks to stop. Returns true when the run has ended.
     */
    public boolean runUntil(long instructionCount) {
        state.clearStopRequest();
        runLimit = instructionCount;
        while (!state.finished() && !state.stopRequested() && state.instructions() < instructionCount) {
            step();
        }
        if (state.finished() && !state.stopRequested()) {
            kdebug.flushConsole();
        }
        return state.finished();
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
        endings.freeLeftTasks();
        Thread current = chooseNext();
        if (current == null) {
            idle();
            return;
        }
        state.setRunning(current);
        accountedInstructions = machine.instructionsRetired();
        Trap trap = fastPath
                ? machine.run(current.context(), current.task().space(), budgetFor(current), syscallHandler)
                : machine.run(current.context(), current.task().space(), budgetFor(current));
        Thread running = state.running();
        account(running);
        if (trap instanceof Trap.Handled) {
            return;
        }
        handle(running, trap);
        afterTrap(running);
    }

    /** The fast path: a system call handled inside the trap, then on with the next thread if there is one. */
    private boolean syscallInTrap(CpuContext context, TrapHandler.Continuation next) {
        Thread running = state.running();
        account(running);
        handle(running, Trap.SYSCALL);
        afterTrap(running);
        if (state.finished() || state.stopRequested() || state.instructions() >= runLimit
                || endings.hasTasksToFree()) {
            // A task whose last thread ended in this call is freed before anyone runs again (P3).
            return false;
        }
        Thread following = chooseNext();
        if (following == null) {
            return false;
        }
        state.setRunning(following);
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
        state.addInstructions(executed);
        clock.advanceInstructions(executed);
        thread.addInstructions(executed);
        thread.setSliceRemaining(thread.sliceRemaining() - executed);
    }

    private void afterTrap(Thread thread) {
        events.trapHandled(thread);
        checkLimits();
    }

    private long budgetFor(Thread current) {
        long instructions = state.instructions();
        long budget = Math.min(current.sliceRemaining(),
                clock.instructionsUntil(Math.min(timeouts.earliest(), maxTimeNanos)));
        if (maxInstructions != BootOptions.UNLIMITED) {
            budget = Math.min(budget, maxInstructions - instructions);
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
            log.info("l4emu: every thread has " + (stopped == 0 ? "exited" : "ended (" + stopped + " stopped by a fault)")
                    + " at " + clock.nowMicroseconds() + " us after " + state.instructions() + " instructions");
            state.finish(ExitCode.ALL_EXITED);
            return;
        }
        DeadlockReport.lines(threads, clock.nowMicroseconds()).forEach(log::line);
        state.finishInDeadlock();
    }

    private void checkLimits() {
        if (state.finished()) {
            return;
        }
        if (clock.now() >= maxTimeNanos) {
            log.line("l4emu: virtual time limit of " + maxTimeNanos / VirtualClock.NANOS_PER_MICROSECOND
                    + " us reached");
            state.finish(ExitCode.LIMIT_REACHED);
        } else if (maxInstructions != BootOptions.UNLIMITED && state.instructions() >= maxInstructions) {
            log.line("l4emu: instruction limit of " + maxInstructions + " reached");
            state.finish(ExitCode.LIMIT_REACHED);
        }
    }
}
