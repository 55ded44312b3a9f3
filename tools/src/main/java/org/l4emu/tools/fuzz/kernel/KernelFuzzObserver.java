package org.l4emu.tools.fuzz.kernel;

import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.tools.fuzz.FuzzLoop;
import org.l4emu.tools.fuzz.FuzzReport;
import org.l4emu.tools.fuzz.FuzzStatistics;
import org.l4emu.tools.fuzz.FuzzViolation;

/**
 * The host half of a kernel-level fuzz run: counts every system call (by number and generator
 * class) and its IPC outcome, keeps the rule model in step with the redirect calls that
 * succeeded, checks each call's expected outcome, the guarantee oracles and the kernel's
 * invariants after every trap, passes every event to a plugged-in checker, and stops the run
 * at each progress mark and at the end of the budget.
 */
final class KernelFuzzObserver implements KernelEvents, FuzzLoop.Observer {
    private static final int ARGUMENTS = 4;
    private static final int REDIRECT_ACTION_MASK = 0xFF;
    private static final int REDIRECT_ADD = 0;
    private static final int REDIRECT_REMOVE = 1;

    private final long budget;
    private final long progressEvery;
    private final KernelEvents checker;
    /** Tested before each call into the checker, so that a run without one builds no lambda per event. */
    private final boolean hasChecker;
    private final InvariantChecker invariants = new InvariantChecker();
    private final FuzzStatistics statistics = new FuzzStatistics();
    private Kernel kernel;
    private FuzzWorld world;
    private GuaranteeOracles oracles;
    /** The call being handled: its thread, number and first arguments (read before the kernel changes them). */
    private FuzzThread caller;
    private int number;
    private final int[] arguments = new int[ARGUMENTS];

    /** {@code checker}: every kernel event goes to it too; what it throws is a violation ({@link KernelEvents#NONE}: none). */
    KernelFuzzObserver(long budget, long progressEvery, KernelEvents checker) {
        this.budget = budget;
        this.progressEvery = progressEvery;
        this.checker = checker;
        this.hasChecker = checker != KernelEvents.NONE;
    }

    /** From now on the fuzzer's world answers for the threads (set right after boot). */
    void attach(FuzzWorld fuzzWorld) {
        this.world = fuzzWorld;
        this.oracles = new GuaranteeOracles(fuzzWorld);
    }

    @Override
    public void booted(Kernel booted) {
        this.kernel = booted;
        invariants.booted(booted);
        if (hasChecker) {
            checked(() -> checker.booted(booted));
        }
    }

    @Override
    public void threadStarted(Thread thread) {
        if (hasChecker) {
            checked(() -> checker.threadStarted(thread));
        }
    }

    @Override
    public void syscall(Thread thread, int syscallNumber) {
        FuzzThread fuzz = world.of(thread);
        statistics.syscall(syscallNumber, classIndex(fuzz));
        fuzz.countSyscall();
        fuzz.setInSyscall(true);
        caller = fuzz;
        number = syscallNumber;
        for (int i = 0; i < ARGUMENTS; i++) {
            arguments[i] = thread.context().argument(i);
        }
        if (syscallNumber == SyscallNumber.UNMAP) {
            oracles.unmapCalled();
        }
        long count = statistics.syscalls();
        if (count >= budget || count % progressEvery == 0) {
            kernel.requestStop();
        }
        if (hasChecker) {
            checked(() -> checker.syscall(thread, syscallNumber));
        }
    }

    @Override
    public void sendStarted(Thread sender, int to, int tag, int sendDescriptor) {
        if (hasChecker) {
            checked(() -> checker.sendStarted(sender, to, tag, sendDescriptor));
        }
    }

    @Override
    public void redirected(Thread sender, int trueSource, Thread intendedReceiver, Thread monitor,
                           MonitorClass monitorClass) {
        if (hasChecker) {
            checked(() -> checker.redirected(sender, trueSource, intendedReceiver, monitor, monitorClass));
        }
    }

    @Override
    public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
        statistics.delivered();
        try {
            oracles.delivered(sender, receiver, tag, dope);
        } catch (FuzzViolation e) {
            throw during(e);
        }
        if (hasChecker) {
            checked(() -> checker.delivered(sender, receiver, from, tag, dope));
        }
    }

    @Override
    public void blockedSourceEnded(Thread blockedSource, int dope, String cause) {
        if (hasChecker) {
            checked(() -> checker.blockedSourceEnded(blockedSource, dope, cause));
        }
    }

    @Override
    public void controllerNotified(Thread monitor, int blockedSource, int trueSource, int finalReceiver,
                                   int errorCode) {
        if (hasChecker) {
            checked(() -> checker.controllerNotified(monitor, blockedSource, trueSource, finalReceiver, errorCode));
        }
    }

    @Override
    public void ipcFailed(Thread thread, int dope) {
        statistics.ipcFailed(dope);
        if (hasChecker) {
            checked(() -> checker.ipcFailed(thread, dope));
        }
    }

    @Override
    public void console(Thread thread, byte[] bytes) {
        statistics.console(bytes.length);
        if (hasChecker) {
            checked(() -> checker.console(thread, bytes));
        }
    }

    @Override
    public void breakpoint(Thread thread, int argument) {
        if (hasChecker) {
            checked(() -> checker.breakpoint(thread, argument));
        }
    }

    @Override
    public void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {
        statistics.fault(classIndex(world.of(thread)));
        if (hasChecker) {
            checked(() -> checker.pageFault(thread, address, accessBits, instructionPointer));
        }
    }

    @Override
    public void mapped(Task task, int virtualAddress, int rightsBits) {
        try {
            oracles.mapped(task, virtualAddress);
        } catch (FuzzViolation e) {
            throw during(e);
        }
        if (hasChecker) {
            checked(() -> checker.mapped(task, virtualAddress, rightsBits));
        }
    }

    @Override
    public void threadExited(Thread thread, String reason) {
        statistics.threadEnded(reason);
        if (reason.equals("deleted")) {
            oracles.threadDeleted(thread);
        }
        if (hasChecker) {
            checked(() -> checker.threadExited(thread, reason));
        }
    }

    @Override
    public void trapHandled(Thread thread) {
        FuzzThread fuzz = world.of(thread);
        boolean syscall = fuzz.inSyscall();
        fuzz.setInSyscall(false);
        if (!syscall && fuzz.context().currentStep() instanceof Step.Raise
                && (thread.faultIpc() != null || !thread.isAlive())) {
            statistics.fault(classIndex(fuzz));
        }
        try {
            if (syscall) {
                afterSyscall(fuzz);
            }
            oracles.afterTrap();
        } catch (FuzzViolation e) {
            throw during(e);
        }
        invariants.trapHandled(thread);
        if (hasChecker) {
            checked(() -> checker.trapHandled(thread));
        }
    }

    @Override
    public void finished(int exitCode) {
        if (hasChecker) {
            checked(() -> checker.finished(exitCode));
        }
    }

    /** What the call that just ended means for the fuzzer: its expected outcome, a rule changed, a thread made. */
    private void afterSyscall(FuzzThread fuzz) {
        Expectation expectation = fuzz.expectation();
        if (expectation != null) {
            fuzz.expect(null);
            expectation.check(fuzz, kernel.threads());
        }
        if (fuzz != caller || fuzz.context().result(0) != 0) {
            return;
        }
        if (number == SyscallNumber.REDIRECT) {
            ruleChanged();
        } else if (number == SyscallNumber.THREAD_CONTROL && arguments[1] != ThreadId.NIL) {
            Thread created = kernel.threads().lookup(arguments[0]);
            if (created != null) {
                world.of(created);
            }
        }
    }

    private void ruleChanged() {
        int action = arguments[0] & REDIRECT_ACTION_MASK;
        Task source = taskOf(arguments[1]);
        Task dest = taskOf(arguments[2]);
        Thread monitor = kernel.threads().lookup(arguments[3]);
        if (action == REDIRECT_ADD) {
            world.rules().add(source, dest, monitor, MonitorClass.values()[(arguments[0] >>> 8) & 3]);
        } else if (action == REDIRECT_REMOVE) {
            world.rules().remove(source, dest, monitor);
        }
    }

    /** The violation, saying which system call was being handled: the attack that found it. */
    private FuzzViolation during(FuzzViolation violation) {
        if (caller == null) {
            return violation;
        }
        String call = String.format("%s(0x%x, 0x%x, 0x%x, 0x%x) by %s (class %s)", FuzzReport.syscallName(number),
                arguments[0], arguments[1], arguments[2], arguments[3], caller,
                caller.currentClass() == null ? "none" : caller.currentClass().label());
        return new FuzzViolation(violation.getMessage() + "; during the last system call, " + call, violation);
    }

    private static int classIndex(FuzzThread thread) {
        return thread.currentClass() == null ? -1 : thread.currentClass().ordinal();
    }

    private Task taskOf(int id) {
        Thread thread = id == ThreadId.ANY ? null : kernel.threads().lookup(id);
        return thread == null ? null : thread.task();
    }

    /** Runs a call into the plugged-in checker: what it throws is a violation it found, not a host exception. */
    private void checked(Runnable call) {
        try {
            call.run();
        } catch (FuzzViolation e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FuzzViolation("rule checker: " + e.getMessage(), e);
        }
    }

    @Override
    public FuzzStatistics statistics() {
        return statistics;
    }

    @Override
    public long invariantChecks() {
        return invariants.checks();
    }

    @Override
    public boolean budgetSpent() {
        return statistics.syscalls() >= budget;
    }
}
