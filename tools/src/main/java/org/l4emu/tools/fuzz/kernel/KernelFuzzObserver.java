package org.l4emu.tools.fuzz.kernel;

import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;
import org.l4emu.tools.fuzz.FuzzLoop;
import org.l4emu.tools.fuzz.FuzzReport;
import org.l4emu.tools.fuzz.FuzzStatistics;
import org.l4emu.tools.fuzz.FuzzViolation;

/**
 * The host half of a kernel-level fuzz run: counts every system call (by number and generator
 * class) and its IPC outcome, keeps the rule model in step with the redirect calls that
 * succeeded, checks each call's expected outcome, the guarantee oracles and the kernel's
 * invariants after every trap, and stops the run at each progress mark and at the end of the
 * budget. A plugged-in rule checker hears the same events beside it ({@link CheckerEvents}).
 */
final class KernelFuzzObserver implements KernelEvents, FuzzLoop.Observer {
    private static final int ARGUMENTS = 4;
    private static final int REDIRECT_ACTION_MASK = 0xFF;
    private static final int REDIRECT_ADD = 0;
    private static final int REDIRECT_REMOVE = 1;

    private final long budget;
    private final long progressEvery;
    private final InvariantChecker invariants = new InvariantChecker();
    private final FuzzStatistics statistics = new FuzzStatistics();
    private KernelView kernel;
    private FuzzWorld world;
    private GuaranteeOracles oracles;
    /** The call being handled: its thread, number and first arguments (read before the kernel changes them). */
    private FuzzThread caller;
    private int number;
    private final int[] arguments = new int[ARGUMENTS];

    KernelFuzzObserver(long budget, long progressEvery) {
        this.budget = budget;
        this.progressEvery = progressEvery;
    }

    /** From now on the fuzzer's world answers for the threads (set right after boot). */
    void attach(FuzzWorld fuzzWorld) {
        this.world = fuzzWorld;
        this.oracles = new GuaranteeOracles(fuzzWorld);
    }

    @Override
    public void booted(KernelView booted) {
        this.kernel = booted;
        invariants.booted(booted);
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
    }

    @Override
    public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
        statistics.delivered();
        try {
            oracles.delivered(sender, receiver, tag, dope);
        } catch (FuzzViolation e) {
            throw during(e);
        }
    }

    @Override
    public void faultIpcStarted(Thread thread, Thread handler) {
        oracles.faultIpcStarted(thread, handler);
    }

    @Override
    public void ipcFailed(Thread thread, int dope) {
        statistics.ipcFailed(dope);
    }

    @Override
    public void console(Thread thread, byte[] bytes) {
        statistics.console(bytes.length);
    }

    @Override
    public void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {
        statistics.fault(classIndex(world.of(thread)));
    }

    @Override
    public void mapped(Task task, int virtualAddress, int rightsBits) {
        try {
            oracles.mapped(task, virtualAddress);
        } catch (FuzzViolation e) {
            throw during(e);
        }
    }

    @Override
    public void threadExited(Thread thread, String reason) {
        statistics.threadEnded(reason);
        if (reason.equals("deleted")) {
            oracles.threadDeleted(thread);
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
            oracles.afterTrap(thread);
        } catch (FuzzViolation e) {
            throw during(e);
        }
        invariants.trapHandled(thread);
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
        if (action == REDIRECT_ADD) {
            world.rules().add(source, dest, kernel.threads().lookup(arguments[3]),
                    MonitorClass.values()[(arguments[0] >>> 8) & 3]);
        } else if (action == REDIRECT_REMOVE) {
            world.rules().remove(source, dest, arguments[3]);
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
